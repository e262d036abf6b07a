import { ProgressBar } from './progress-bar';

function stream(isTTY: boolean): { isTTY: boolean; text: string; write(chunk: string): void } {
  return {
    isTTY,
    text: '',
    write(chunk: string) {
      this.text += chunk;
    },
  };
}

describe('ProgressBar', () => {
  it('redraws one line in place on a terminal and ends it when the stage changes', () => {
    const out = stream(true);
    const bar = new ProgressBar(out);
    bar.update({ stage: 'steps', done: 1, total: 4, detail: 'epoch 1/2' });
    // Nothing shown changed: no redraw.
    bar.update({ stage: 'steps', done: 1, total: 4, detail: 'epoch 1/2' });
    bar.update({ stage: 'steps', done: 4, total: 4, detail: 'epoch 2/2' });
    bar.update({ stage: 'save', done: 1, total: 2 });
    bar.finish();
    bar.finish();
    expect(out.text).toBe(
      `\rsteps [${'#'.repeat(8)}${'.'.repeat(22)}] 1/4 25% epoch 1/2\x1b[K` +
        `\rsteps [${'#'.repeat(30)}] 4/4 100% epoch 2/2\x1b[K\n` +
        `\rsave [${'#'.repeat(15)}${'.'.repeat(15)}] 1/2 50%\x1b[K\n`,
    );
  });

  it('writes plain lines, one at the start and one per tenth, when not a terminal', () => {
    const out = stream(false);
    const bar = new ProgressBar(out);
    for (let done = 1; done <= 100; done += 1) bar.update({ stage: 'steps', done, total: 100 });
    bar.finish();
    const lines = out.text.split('\n').filter(Boolean);
    expect(lines).toHaveLength(11);
    expect(lines.slice(0, 2)).toEqual(['steps: 1/100 (1%)', 'steps: 10/100 (10%)']);
    expect(lines.at(-1)).toBe('steps: 100/100 (100%)');
    expect(out.text).not.toContain('\r');
  });
});
