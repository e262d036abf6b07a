import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { LIVE_MODEL_VERSIONS_KEY } from '@qbm/contracts';
import { AiMetrics } from '@qbm/observability';
import Redis from 'ioredis';
import { MODEL_NAMES, type ModelName } from '../artifacts/model-card';
import { activateBackend, type ActiveBackend } from '../backend/tfjs-backend';
import { BASE_MODEL_SEED, InferenceConfig } from '../config/inference.config';
import { ModelLifecycle } from '../registry/model-lifecycle';
import { ModelRegistryRepository } from '../registry/model-registry.repository';
import { loadServedModel, type ServedModels } from './loaded-models';
import { PROMOTION_CHANNEL } from './promotion-channel';

// Holds the live version of each model. Loads them once at start (training the base models of a
// fresh install first), then swaps a model in place when the registry promotes another version:
// jobs in flight keep the object they started with, later jobs get the new one. No restart.
@Injectable()
export class ModelStore implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ModelStore.name);
  private served: Partial<ServedModels> = {};
  private activeBackend: ActiveBackend | null = null;
  private subscriber: Redis | null = null;
  private poller: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> = Promise.resolve();
  private failure: string | null = null;

  constructor(
    private readonly config: InferenceConfig,
    private readonly registry: ModelRegistryRepository,
    private readonly redis: Redis,
    private readonly metrics: AiMetrics,
  ) {}

  // Not awaited by Nest's bootstrap: /health/live answers while base models train; /health/ready waits.
  onApplicationBootstrap(): void {
    for (const name of MODEL_NAMES) this.metrics.seedModel(name);
    void this.start().catch((error: unknown) => {
      this.failure = error instanceof Error ? error.message : String(error);
      this.logger.error(`models could not be loaded: ${this.failure}`);
    });
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.poller);
    await this.subscriber?.quit().catch(() => undefined);
    await this.refreshing.catch(() => undefined);
  }

  get ready(): boolean {
    return MODEL_NAMES.every((name) => this.served[name] !== undefined);
  }

  get backend(): string {
    return this.activeBackend?.backend ?? 'none';
  }

  status(): Record<string, unknown> {
    return {
      backend: this.backend,
      versions: Object.fromEntries(MODEL_NAMES.map((name) => [name, this.served[name]?.version ?? null])),
      ...(this.failure ? { failure: this.failure } : {}),
    };
  }

  // The live models, or null while they load.
  models(): ServedModels | null {
    return this.ready ? (this.served as ServedModels) : null;
  }

  // Reads the registry and swaps in every model whose promoted version changed. Serialized.
  refresh(): Promise<void> {
    this.refreshing = this.refreshing.catch(() => undefined).then(() => this.loadPromoted());
    return this.refreshing;
  }

  private async start(): Promise<void> {
    this.activeBackend = await activateBackend(this.config.serving.backend);
    if (this.activeBackend.fallbackReason) {
      this.logger.warn(`TensorFlow.js runs on ${this.activeBackend.backend}: ${this.activeBackend.fallbackReason}`);
    }
    if (this.config.serving.trainBaseModels) {
      const trained = await this.lifecycle().ensureBaseModels(BASE_MODEL_SEED);
      if (trained.length > 0) this.logger.log(`trained base models: ${trained.join(', ')}`);
    }
    await this.refresh();
    // Its own connection (a subscriber can do nothing else), queueing commands until connected.
    this.subscriber = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    this.subscriber.on('message', () => void this.refresh().catch((e: unknown) => this.logRefreshFailure(e)));
    await this.subscriber.subscribe(PROMOTION_CHANNEL);
    this.poller = setInterval(
      () => void this.refresh().catch((e: unknown) => this.logRefreshFailure(e)),
      this.config.serving.registryPollMs,
    );
    this.poller.unref();
  }

  private async loadPromoted(): Promise<void> {
    const promoted = await this.registry.promoted();
    for (const name of MODEL_NAMES) {
      const row = promoted.get(name);
      if (!row || this.served[name]?.version === row.version) continue;
      this.swap(name, await this.loadOrRebuild(name, row.version, row.seed));
    }
    this.failure = null;
  }

  // The registry can outlive MODEL_DIR (a fresh clone on an existing database): the artifact is
  // rebuilt from its seed, which yields the same version when training is deterministic.
  private async loadOrRebuild<N extends ModelName>(name: N, version: string, seed: number): Promise<ServedModels[N]> {
    try {
      return await loadServedModel(name, this.config.serving.modelDir, version);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.logger.warn(`${name}: artifact ${version} is missing from MODEL_DIR; retraining with seed ${seed}`);
      const rebuilt = await this.lifecycle().train(name, seed);
      if (rebuilt.version !== version) {
        await this.registry.promote(
          name,
          rebuilt.version,
          'base',
          `artifact ${version} was missing; retrained with seed ${seed}`,
        );
      }
      return loadServedModel(name, this.config.serving.modelDir, rebuilt.version);
    }
  }

  private swap<N extends ModelName>(name: N, loaded: ServedModels[N]): void {
    const previous = this.served[name]?.version;
    this.served = { ...this.served, [name]: loaded };
    if (previous) this.metrics.aiModelInfo.set({ model: name, version: previous, backend: this.backend }, 0);
    this.metrics.aiModelInfo.set({ model: name, version: loaded.version, backend: this.backend }, 1);
    this.metrics.aiModelMemoryBytes.set({ model: name }, loaded.bytes);
    void this.redis.hset(LIVE_MODEL_VERSIONS_KEY, name, loaded.version).catch(() => undefined);
    this.logger.log(`${name}: serving ${loaded.version}${previous ? ` (was ${previous})` : ''}`);
  }

  // Train, promote and rollback on this service's registry, MODEL_DIR and backend (the CLI's and the admin routes').
  lifecycle(): ModelLifecycle {
    return new ModelLifecycle(
      this.registry,
      this.config.serving.modelDir,
      this.activeBackend as ActiveBackend,
      (line) => this.logger.log(line),
    );
  }

  private logRefreshFailure(error: unknown): void {
    this.logger.warn(`registry refresh failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
