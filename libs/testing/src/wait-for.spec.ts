import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('waits past undefined, null, false and throwing probes, and resolves with the first real value', async () => {
    const answers: unknown[] = [undefined, null, false, new Error('not yet'), 0, 'late'];
    let calls = 0;
    const value = await waitFor(
      () => {
        const next = answers[calls++];
        if (next instanceof Error) throw next;
        return next;
      },
      { intervalMs: 1 },
    );
    expect(value).toBe(0);
    expect(calls).toBe(5);
  });

  it('names what never happened, with the last error, when time runs out', async () => {
    await expect(
      waitFor(
        () => {
          throw new Error('connection refused');
        },
        { what: 'the notifier to be ready', timeoutMs: 30, intervalMs: 5 },
      ),
    ).rejects.toThrow('the notifier to be ready not met within 30 ms: connection refused');
  });
});
