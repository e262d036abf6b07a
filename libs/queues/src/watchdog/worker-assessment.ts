import type { WorkerSample } from '../worker/queue-worker';

export interface WatchSample extends WorkerSample {
  at: number;
  // The shared producer connection: whether Redis itself answers.
  redisReady: boolean;
  // Jobs ready to run (waiting + prioritized); undefined when they could not be read.
  backlog: number | undefined;
  queuePaused: boolean;
}

export interface WatchState {
  // Since when the worker has been without its blocking connection or its fetch loop.
  detachedSince?: number;
  // Since when jobs have been waiting while the worker held none.
  idleWithBacklogSince?: number;
  // Why the worker is stalled. Kept until the worker is recreated: BullMQ's own recovery after a
  // long outage is where its known wedges are (taskforcesh/bullmq#2466, #4479, #4585).
  stall?: string;
  lastHealthyAt: number;
}

export type WatchAction = 'heartbeat' | 'restart' | 'wait';

export function freshWatchState(now: number): WatchState {
  return { lastHealthyAt: now };
}

// One watchdog tick for one worker: what it is now, and what to do about it.
export function assessWorker(
  previous: WatchState,
  sample: WatchSample,
  stallAfterMs: number,
): { state: WatchState; action: WatchAction } {
  const attached = sample.running && sample.blockingReady;
  const detachedSince = attached ? undefined : (previous.detachedSince ?? sample.at);
  const idle = (sample.backlog ?? 0) > 0 && sample.inFlight === 0 && !sample.queuePaused;
  const idleWithBacklogSince = idle ? (previous.idleWithBacklogSince ?? sample.at) : undefined;

  let stall = previous.stall;
  if (stall === undefined && detachedSince !== undefined && sample.at - detachedSince >= stallAfterMs) {
    const what = sample.running ? 'blocking connection not ready' : 'worker not running';
    stall = `${what} for ${seconds(sample.at - detachedSince)}`;
  }
  if (stall === undefined && idleWithBacklogSince !== undefined) {
    const idleFor = sample.at - Math.max(idleWithBacklogSince, sample.lastActivityAt);
    if (idleFor >= stallAfterMs) stall = `${sample.backlog} job(s) waiting, worker idle for ${seconds(idleFor)}`;
  }

  const healthy = stall === undefined && attached && !idle && sample.redisReady;
  const state: WatchState = {
    detachedSince,
    idleWithBacklogSince,
    stall,
    lastHealthyAt: healthy ? sample.at : previous.lastHealthyAt,
  };
  // Recreating a worker while Redis is away gains nothing; it happens once Redis answers again.
  const action: WatchAction =
    stall !== undefined ? (sample.redisReady ? 'restart' : 'wait') : healthy ? 'heartbeat' : 'wait';
  return { state, action };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
