import { assessWorker, freshWatchState, type WatchSample, type WatchState } from './worker-assessment';

const STALL_AFTER_MS = 1_000;
const T0 = 1_000_000;

function sample(overrides: Partial<WatchSample> = {}): WatchSample {
  return {
    at: T0,
    redisReady: true,
    running: true,
    blockingReady: true,
    inFlight: 0,
    lastActivityAt: T0 - 60_000,
    backlog: 0,
    queuePaused: false,
    ...overrides,
  };
}

// Feeds the samples one after the other, as the watchdog's ticks would.
function run(samples: WatchSample[], start: WatchState = freshWatchState(T0)) {
  let state = start;
  const actions: string[] = [];
  for (const next of samples) {
    const verdict = assessWorker(state, next, STALL_AFTER_MS);
    state = verdict.state;
    actions.push(verdict.action);
  }
  return { state, actions };
}

describe('assessWorker', () => {
  it('beats for an attached worker with nothing to do', () => {
    const { state, actions } = run([sample(), sample({ at: T0 + 500 })]);
    expect(actions).toEqual(['heartbeat', 'heartbeat']);
    expect(state.lastHealthyAt).toBe(T0 + 500);
  });

  it('beats for a busy worker while others wait', () => {
    expect(run([sample({ backlog: 40, inFlight: 1, at: T0 + 5_000 })]).actions).toEqual(['heartbeat']);
  });

  it('gives a new backlog the threshold before calling an idle worker stalled', () => {
    const { state, actions } = run([
      sample({ backlog: 3 }),
      sample({ backlog: 3, at: T0 + 900 }),
      sample({ backlog: 3, at: T0 + 1_000 }),
    ]);
    expect(actions).toEqual(['wait', 'wait', 'restart']);
    expect(state.stall).toBe('3 job(s) waiting, worker idle for 1.0 s');
  });

  it('counts idleness from the last job the worker took', () => {
    const { actions } = run([sample({ backlog: 2 }), sample({ backlog: 2, at: T0 + 1_500, lastActivityAt: T0 + 800 })]);
    expect(actions).toEqual(['wait', 'wait']);
  });

  it('does not call a worker of a paused queue stalled', () => {
    const { state } = run([
      sample({ backlog: 5, queuePaused: true }),
      sample({ backlog: 5, queuePaused: true, at: T0 + 5_000 }),
    ]);
    expect(state.stall).toBeUndefined();
  });

  it('waits for Redis before recreating a worker that lost its blocking connection', () => {
    const down = { redisReady: false, blockingReady: false, backlog: undefined };
    const { state, actions } = run([
      sample({ ...down }),
      sample({ ...down, at: T0 + 1_200 }),
      sample({ ...down, at: T0 + 3_000 }),
      sample({ at: T0 + 4_000 }),
    ]);
    expect(actions).toEqual(['wait', 'wait', 'wait', 'restart']);
    // Kept although the connection came back: BullMQ's recovery is not trusted after a long outage.
    expect(state.stall).toBe('blocking connection not ready for 1.2 s');
    expect(state.lastHealthyAt).toBe(T0);
  });

  it('rides out an outage shorter than the threshold', () => {
    const { state, actions } = run([sample({ redisReady: false, blockingReady: false }), sample({ at: T0 + 800 })]);
    expect(actions).toEqual(['wait', 'heartbeat']);
    expect(state.detachedSince).toBeUndefined();
  });

  it('calls a worker whose fetch loop ended stalled', () => {
    const { state, actions } = run([sample({ running: false }), sample({ running: false, at: T0 + 1_000 })]);
    expect(actions).toEqual(['wait', 'restart']);
    expect(state.stall).toBe('worker not running for 1.0 s');
  });
});
