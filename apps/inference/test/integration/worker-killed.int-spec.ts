import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { predictJob, type PredictionItem, type PredictResult } from '@qbm/contracts';
import { flushTestRedis, freePort, openTestDataSource, testDatabaseUrl, testRedisUrl, waitFor } from '@qbm/testing';
import { Queue, QueueEvents } from 'bullmq';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { ModelRegistryRepository } from '../../src/registry/model-registry.repository';
import { installSmallModels } from '../setup/small-models';

const MAIN = join(__dirname, '../../dist/main.js');

function connection(): { host: string; port: number; db: number } {
  const url = new URL(testRedisUrl());
  return { host: url.hostname, port: Number(url.port || 6379), db: Number(url.pathname.slice(1) || 0) };
}

// Enough anomaly items that predicting them takes a while, so the kill lands while the job is held.
const ITEMS: PredictionItem[] = Array.from({ length: 400 }, (_, i) => ({
  kind: 'anomaly',
  id: `metric-${i}`,
  history: {
    frequency: 'daily',
    values: Array.from({ length: 365 }, (_, t) => ({
      measuredOn: new Date(Date.UTC(2026, 0, 1 + t)).toISOString().slice(0, 10),
      value: 100 + t * 0.1 + ((t * 7 + i) % 11) + (t === 300 ? 60 : 0),
    })),
  },
  from: '2026-10-01',
}));

// The inference service as its own process, as `pnpm start` runs it: short lock and stalled
// interval so a dead worker's job is handed on within about four seconds (the lock still outlasts
// parsing the payload, a synchronous step the worker cannot yield in).
async function startWorker(modelDir: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      DATABASE_URL: testDatabaseUrl('inference'),
      REDIS_URL: testRedisUrl(),
      LOG_LEVEL: 'silent',
      MODEL_DIR: modelDir,
      INFERENCE_PORT: String(port),
      INFERENCE_HOST: '127.0.0.1',
      INFERENCE_TRAIN_BASE_MODELS: 'false',
      INFERENCE_JOB_LOCK_MS: '3000',
      INFERENCE_STALLED_INTERVAL_MS: '300',
      TFJS_BACKEND: 'cpu',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/health/ready`).catch(() => null))?.status === 200, {
    timeoutMs: 60_000,
    what: 'the inference process ready',
  });
  return { child, url };
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

describe('a worker killed mid-job', () => {
  let dataSource: DataSource;
  let modelDir: string;
  let queue: Queue;
  let events: QueueEvents;
  let redis: Redis;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    modelDir = await mkdtemp(join(tmpdir(), 'qbm-inference-kill-'));
    dataSource = await openTestDataSource(
      dataSourceOptions({ database: { url: testDatabaseUrl('inference'), poolMax: 2, slowQueryMs: 100 } }),
    );
    await dataSource.query('TRUNCATE inference_promotions, inference_model_versions, inference_prediction_ledger');
    await installSmallModels(new ModelRegistryRepository(dataSource), modelDir, 11);
    redis = new Redis(testRedisUrl());
    await flushTestRedis(redis);
    queue = new Queue(predictJob.queue, { connection: connection() });
    events = new QueueEvents(predictJob.queue, { connection: connection() });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited(child);
    }
    await events.close();
    await queue.close();
    redis.disconnect();
    await dataSource.destroy();
    await rm(modelDir, { recursive: true, force: true });
  });

  it('leaves the job to another worker, which answers every item once', async () => {
    const first = await startWorker(modelDir);
    children.push(first.child);
    const completions: string[] = [];
    events.on('completed', ({ jobId }) => completions.push(jobId));

    const job = await queue.add(predictJob.name, { items: ITEMS }, predictJob.defaults);
    await waitFor(async () => (await job.getState()) === 'active', { timeoutMs: 20_000, what: 'the job taken' });
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(await job.getState()).toBe('active');

    const second = await startWorker(modelDir);
    children.push(second.child);
    const result = (await job.waitUntilFinished(events, 60_000)) as PredictResult;
    expect(result.outputs.map((o) => [o.kind, o.id])).toEqual(ITEMS.map((i) => ['anomaly', i.id]));
    const flagged = result.outputs.map((o) => (o.kind === 'anomaly' ? o.values.filter((v) => v.flagged) : []));
    expect(flagged.every((f) => f.some((v) => v.measuredOn === '2026-10-28'))).toBe(true);

    // Answered once: one completion, and the surviving worker predicted each item exactly once.
    await waitFor(() => completions.length > 0);
    expect(completions).toEqual([job.id]);
    const stored = await queue.getJob(job.id as string);
    expect(await stored?.getState()).toBe('completed');
    const metrics = await (await fetch(`${second.url}/metrics`)).text();
    expect(metrics).toMatch(
      new RegExp(`ai_predictions_total\\{model="metric-anomaly",status="success"\\} ${ITEMS.length}\\b`),
    );
  });
});
