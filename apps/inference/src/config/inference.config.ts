import { join } from 'node:path';
import {
  databaseBlock,
  databaseSettings,
  type DatabaseSettings,
  httpBlock,
  loggingBlock,
  loggingSettings,
  type LoggingSettings,
  metricsBlock,
  metricsNotPublicInProduction,
  metricsSettings,
  type MetricsSettings,
  type NodeEnv,
  nodeEnvBlock,
  parseEnvironment,
  redisBlock,
  shutdownBlock,
  type EnvironmentSource,
  type TrustProxy,
} from '@qbm/config';
import { z } from 'zod';
import { TFJS_BACKENDS, type TfjsBackendName } from '../backend/tfjs-backend';

// Beside dist/ and src/ in the package; created at first start.
export const DEFAULT_MODEL_DIR = join(__dirname, '..', '..', 'models');
// The seed the base models of a fresh install are trained with.
export const BASE_MODEL_SEED = 20261129;

const schema = z.object({
  ...nodeEnvBlock,
  ...httpBlock('INFERENCE', 3001),
  ...databaseBlock,
  ...redisBlock,
  ...loggingBlock,
  ...metricsBlock,
  ...shutdownBlock,
  MODEL_DIR: z.string().min(1).default(DEFAULT_MODEL_DIR),
  // Measured default (see README): wasm serves the small network fastest in batches.
  TFJS_BACKEND: z.enum(TFJS_BACKENDS).default('wasm'),
  // Jobs a worker holds and predicts together (each job already carries many items).
  INFERENCE_BATCH_MAX_JOBS: z.coerce.number().int().min(1).max(500).default(64),
  // 0: no timer, the jobs that arrived in one event-loop turn are predicted together.
  INFERENCE_BATCH_WAIT_MS: z.coerce.number().int().min(0).max(1_000).default(0),
  // A predict job's lock, and how often BullMQ hands the jobs of a dead worker (lock expired) to
  // another: a killed worker's job is retried within about lock + interval.
  INFERENCE_JOB_LOCK_MS: z.coerce.number().int().min(500).default(60_000),
  INFERENCE_STALLED_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  // How often the registry is read for a promotion missed on pub/sub (a Redis blip).
  INFERENCE_REGISTRY_POLL_MS: z.coerce.number().int().min(100).default(30_000),
  // How often closed OKRs are scored and the ledger's quality gauges recomputed.
  INFERENCE_LEDGER_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
  // Trains missing base models at start; tests that bring their own registry turn it off.
  INFERENCE_TRAIN_BASE_MODELS: z.enum(['true', 'false']).default('true'),
});

export type InferenceEnvironment = z.output<typeof schema>;

export interface ServingSettings {
  modelDir: string;
  backend: TfjsBackendName;
  batchMaxJobs: number;
  batchWaitMs: number;
  jobLockMs: number;
  stalledIntervalMs: number;
  registryPollMs: number;
  trainBaseModels: boolean;
  ledgerIntervalMs: number;
}

// Parsed once at boot; every bad variable is reported in one error. Nothing else reads process.env.
export class InferenceConfig {
  readonly env: NodeEnv;
  readonly host: string;
  readonly port: number;
  readonly trustProxy: TrustProxy;
  readonly database: DatabaseSettings;
  readonly redisUrl: string;
  readonly log: LoggingSettings;
  readonly metrics: MetricsSettings;
  readonly shutdownGraceMs: number;
  readonly serving: ServingSettings;

  constructor(
    e: InferenceEnvironment,
    readonly version: string,
  ) {
    this.env = e.NODE_ENV;
    this.host = e.INFERENCE_HOST;
    this.port = e.INFERENCE_PORT;
    this.trustProxy = e.TRUST_PROXY;
    this.database = databaseSettings(e);
    this.redisUrl = e.REDIS_URL;
    this.log = loggingSettings(e);
    this.metrics = metricsSettings(e);
    this.shutdownGraceMs = e.SHUTDOWN_GRACE_MS;
    this.serving = {
      modelDir: e.MODEL_DIR,
      backend: e.TFJS_BACKEND,
      batchMaxJobs: e.INFERENCE_BATCH_MAX_JOBS,
      batchWaitMs: e.INFERENCE_BATCH_WAIT_MS,
      jobLockMs: e.INFERENCE_JOB_LOCK_MS,
      stalledIntervalMs: e.INFERENCE_STALLED_INTERVAL_MS,
      registryPollMs: e.INFERENCE_REGISTRY_POLL_MS,
      trainBaseModels: e.INFERENCE_TRAIN_BASE_MODELS === 'true',
      ledgerIntervalMs: e.INFERENCE_LEDGER_INTERVAL_MS,
    };
  }

  static fromEnvironment(
    source: EnvironmentSource,
    version = '0.0.0',
    role: 'server' | 'cli' = 'server',
  ): InferenceConfig {
    return new InferenceConfig(
      parseEnvironment(schema, source, role === 'server' ? [metricsNotPublicInProduction] : []),
      version,
    );
  }
}
