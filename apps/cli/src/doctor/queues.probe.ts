import { type Job, Queue } from 'bullmq';
import { DoctorSection, FigureRow } from './doctor-report';
import { openRedis } from './redis-connection';
import { SectionVerdict } from './section-verdict';

export interface QueuesProbeOptions {
  url: string;
  timeoutMs: number;
  queues: readonly string[];
  // BullMQ's key prefix, as the services configure it (default 'bull').
  prefix?: string;
}

// BullMQ's states, as the depths table names them (its columns are read by operators' scripts).
const STATES = ['waiting', 'active', 'paused', 'prioritized', 'delayed', 'failed', 'completed'] as const;
const RECENT_FAILURES = 5;

type QueueCounts = Record<(typeof STATES)[number], number>;

// Asks BullMQ itself (job counts, failed jobs) through a Queue on the doctor's own connection, so it
// works with no worker or producer running and follows BullMQ's key layout whatever its version.
export async function probeQueues(options: QueuesProbeOptions, signal: AbortSignal): Promise<DoctorSection> {
  if (options.queues.length === 0) return new SectionVerdict().section('queues', 'no queues defined yet', {});
  const { redis, close } = await openRedis(options.url, options.timeoutMs, signal);
  try {
    const depths: FigureRow[] = [];
    const failures: FigureRow[] = [];
    const verdict = new SectionVerdict();
    for (const name of options.queues) {
      // A Queue on a shared connection leaves it open on close(); the doctor closes it once, below.
      const queue = new Queue(name, { connection: redis, prefix: options.prefix ?? 'bull', skipVersionCheck: true });
      try {
        const counts = (await queue.getJobCounts(...STATES)) as QueueCounts;
        // BullMQ orders failed jobs by when they finished, to the millisecond, and jobs that failed in
        // the same millisecond by id as text ("9" before "10"): a few more are read and ordered here.
        const recent = newestFirst(await queue.getFailed(0, RECENT_FAILURES * 2 - 1))
          .slice(0, RECENT_FAILURES)
          .map((job) => failureRow(name, job));
        const { waiting: wait, ...others } = counts;
        depths.push({ queue: name, wait, ...others, is_paused: await queue.isPaused() });
        failures.push(...recent);
        const latest = recent[0];
        verdict.warnIf(
          counts.failed > 0,
          `${name}: ${counts.failed} failed job(s)${latest ? `, latest "${String(latest.reason)}"` : ''}`,
        );
      } finally {
        await queue.close();
      }
    }
    const total = (state: string): number => depths.reduce((sum, row) => sum + Number(row[state]), 0);
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

// Newest first; within one millisecond, the later job (BullMQ's generated ids count up) first.
export function newestFirst(jobs: readonly Job[]): Job[] {
  return [...jobs].sort((a, b) => (b.finishedOn ?? 0) - (a.finishedOn ?? 0) || idOrder(b.id, a.id));
}

function idOrder(a: string | undefined, b: string | undefined): number {
  return (a ?? '').localeCompare(b ?? '', 'en', { numeric: true });
}

function failureRow(queue: string, job: Job): FigureRow {
  return {
    queue,
    id: job.id ?? null,
    name: job.name,
    failed_at: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    attempts: job.attemptsMade,
    reason: job.failedReason ? oneLine(job.failedReason) : '(no reason recorded)',
  };
}

function oneLine(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
