import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { predictJob, type PredictResult } from '@qbm/contracts';
import { flushTestRedis, freePort, openTestDataSource, testDatabaseUrl, testRedisUrl, waitFor } from '@qbm/testing';
import { type Job, Queue, QueueEvents } from 'bullmq';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { ModelName } from '../../src/artifacts/model-card';
import { createApp } from '../../src/app.factory';
import { InferenceConfig } from '../../src/config/inference.config';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { ModelRegistryRepository } from '../../src/registry/model-registry.repository';
import { installSmallModels } from './small-models';

export interface TestInference {
  app: NestFastifyApplication;
  url: string;
  modelDir: string;
  registry: ModelRegistryRepository;
  dataSource: DataSource;
  versions: Record<ModelName, string>;
  queue: Queue;
  events: QueueEvents;
  redis: Redis;
  predict(payload: unknown): Promise<{ job: Job; result: PredictResult }>;
  close(): Promise<void>;
}

function redisConnection(): { host: string; port: number; db: number } {
  const url = new URL(testRedisUrl());
  return { host: url.hostname, port: Number(url.port || 6379), db: Number(url.pathname.slice(1) || 0) };
}

// A running inference service on this run's test database and Redis index, serving small models
// installed in a temporary MODEL_DIR (no base-model training: that takes a minute).
export async function startTestInference(seed = 11): Promise<TestInference> {
  const modelDir = await mkdtemp(join(tmpdir(), 'qbm-inference-'));
  const databaseUrl = testDatabaseUrl('inference');
  const dataSource = await openTestDataSource(
    dataSourceOptions({ database: { url: databaseUrl, poolMax: 2, slowQueryMs: 100 } }),
  );
  await dataSource.query('TRUNCATE inference_promotions, inference_model_versions, inference_prediction_ledger');
  const registry = new ModelRegistryRepository(dataSource);
  const versions = await installSmallModels(registry, modelDir, seed);
  const redis = new Redis(testRedisUrl());
  await flushTestRedis(redis);
  const port = await freePort();
  const config = InferenceConfig.fromEnvironment(
    {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      REDIS_URL: testRedisUrl(),
      LOG_LEVEL: process.env.QBM_TEST_LOG_LEVEL ?? 'silent',
      MODEL_DIR: modelDir,
      INFERENCE_TRAIN_BASE_MODELS: 'false',
      INFERENCE_REGISTRY_POLL_MS: '60000',
      TFJS_BACKEND: 'cpu',
    },
    '0.0.0-test',
  );
  const app = await createApp(config);
  await app.listen({ port, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/health/ready`)).status === 200, { timeoutMs: 30_000 });
  const queue = new Queue(predictJob.queue, { connection: redisConnection() });
  const events = new QueueEvents(predictJob.queue, { connection: redisConnection() });
  await events.waitUntilReady();
  return {
    app,
    url,
    modelDir,
    registry,
    dataSource,
    versions,
    queue,
    events,
    redis,
    async predict(payload: unknown) {
      const job = await queue.add(predictJob.name, payload, predictJob.defaults);
      const result = (await job.waitUntilFinished(events, 20_000)) as PredictResult;
      return { job, result };
    },
    async close() {
      await app.close();
      await events.close();
      await queue.close();
      redis.disconnect();
      await dataSource.destroy();
      await rm(modelDir, { recursive: true, force: true });
    },
  };
}
