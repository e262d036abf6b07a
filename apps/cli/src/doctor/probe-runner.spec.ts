import { setTimeout as sleep } from 'node:timers/promises';
import { describeError, runProbe } from './probe-runner';
import { SectionVerdict } from './section-verdict';

describe('runProbe', () => {
  it('passes a finished section through', async () => {
    const section = await runProbe('system', 1_000, () =>
      Promise.resolve(new SectionVerdict().section('system', 'fine', {})),
    );
    expect(section.status).toBe('ok');
  });

  it('turns a throw into an unreachable section', async () => {
    const section = await runProbe('redis', 1_000, () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:1')));
    expect(section).toMatchObject({
      name: 'redis',
      status: 'fail',
      reason: 'unreachable: connect ECONNREFUSED 127.0.0.1:1',
    });
  });

  it('gives up at the deadline and aborts the probe’s signal', async () => {
    let aborted = false;
    const started = Date.now();
    const section = await runProbe('postgres', 50, async (signal) => {
      signal.addEventListener('abort', () => (aborted = true));
      await sleep(2_000, undefined, { signal }).catch(() => undefined);
      return new SectionVerdict().section('postgres', 'too late', {});
    });
    expect(section).toMatchObject({ status: 'fail', reason: 'unreachable: no answer within 50 ms' });
    expect(aborted).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('describeError', () => {
  it('reaches into AggregateError and cause for the useful part', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' });
    expect(describeError(new AggregateError([refused], ''))).toBe('connect ECONNREFUSED ::1:5432');
    expect(describeError(new Error('fetch failed', { cause: new Error('other side closed') }))).toBe(
      'fetch failed: other side closed',
    );
    expect(describeError(new Error('line one\n   line two'))).toBe('line one line two');
    expect(describeError('plain')).toBe('plain');
  });
});
