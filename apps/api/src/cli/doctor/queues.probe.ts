import type Redis from 'ioredis';
import { DoctorSection, FigureRow } from './doctor-report';
import { openRedis } from './redis-connection';
import { SectionVerdict } from './section-verdict';

export interface QueuesProbeOptions {
  url: string;
  timeoutMs: number;
  queues: readonly string[];
  prefix?: string;
}

// BullMQ's key layout: lists for jobs taken in order, sorted sets for jobs held by time or priority.
const LIST_STATES = ['wait', 'active', 'paused'] as const;
const SORTED_SET_STATES = ['prioritized', 'delayed', 'failed', 'completed'] as const;
const RECENT_FAILURES = 5;

type QueueCounts = Record<(typeof LIST_STATES)[number] | (typeof SORTED_SET_STATES)[number], number>;

// Reads queue depths straight from Redis, so it works with no worker or producer running.
export async function probeQueues(options: QueuesProbeOptions, signal: AbortSignal): Promise<DoctorSection> {
  if (options.queues.length === 0) return new SectionVerdict().section('queues', 'no queues defined yet', {});
  const prefix = options.prefix ?? 'bull';
  const { redis, close } = await openRedis(options.url, options.timeoutMs, signal);
  try {
    const depths: FigureRow[] = [];
    const failures: FigureRow[] = [];
    const verdict = new SectionVerdict();
    for (const queue of options.queues) {
      const base = `${prefix}:${queue}`;
      const { counts, paused } = await readCounts(redis, base);
      const recent = await readRecentFailures(redis, queue, base);
      depths.push({ queue, ...counts, is_paused: paused });
      failures.push(...recent);
      const latest = recent[0];
      verdict.warnIf(
        counts.failed > 0,
        `${queue}: ${counts.failed} failed job(s)${latest ? `, latest "${String(latest.reason)}"` : ''}`,
      );
    }
    const total = (state: keyof QueueCounts): number => depths.reduce((sum, row) => sum + Number(row[state]), 0);
    return verdict.section(
      'queues',
      `${options.queues.length} queue(s), ${total('wait') + total('prioritized')} waiting, no failed jobs`,
      {
        figures: {
          queues: options.queues.length,
          waiting: total('wait') + total('prioritized'),
          active: total('active'),
          delayed: total('delayed'),
          failed: total('failed'),
        },
        tables: { depths, recent_failures: failures },
      },
    );
  } finally {
    close();
  }
}

async function readCounts(redis: Redis, base: string): Promise<{ counts: QueueCounts; paused: boolean }> {
  const pipeline = redis.pipeline();
  for (const state of LIST_STATES) pipeline.llen(`${base}:${state}`);
  for (const state of SORTED_SET_STATES) pipeline.zcard(`${base}:${state}`);
  pipeline.hexists(`${base}:meta`, 'paused');
  const replies = await execAll(pipeline);
  const states = [...LIST_STATES, ...SORTED_SET_STATES];
  const counts = Object.fromEntries(states.map((state, i) => [state, Number(replies[i])])) as QueueCounts;
  return { counts, paused: Number(replies[states.length]) === 1 };
}

// Newest first: the failed set is scored by the time each job finished.
async function readRecentFailures(redis: Redis, queue: string, base: string): Promise<FigureRow[]> {
  const ids = await redis.zrevrange(`${base}:failed`, 0, RECENT_FAILURES - 1);
  if (ids.length === 0) return [];
  const pipeline = redis.pipeline();
  for (const id of ids) pipeline.hmget(`${base}:${id}`, 'name', 'failedReason', 'finishedOn', 'attemptsMade');
  const jobs = await execAll(pipeline);
  return ids.map((id, i) => {
    const [name, reason, finishedOn, attempts] = (jobs[i] as (string | null)[] | undefined) ?? [];
    return {
      queue,
      id,
      name: name ?? null,
      failed_at: finishedOn ? new Date(Number(finishedOn)).toISOString() : null,
      attempts: attempts ? Number(attempts) : null,
      reason: reason ? oneLine(reason) : '(job data removed)',
    };
  });
}

async function execAll(pipeline: ReturnType<Redis['pipeline']>): Promise<unknown[]> {
  const results = (await pipeline.exec()) ?? [];
  return results.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}

function oneLine(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
