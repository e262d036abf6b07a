import { Injectable, type OnModuleInit } from '@nestjs/common';
import { manageModelJob, type ManageModelPayload, type ManageModelResult } from '@qbm/contracts';
import { JobWorkers } from '@qbm/queues';
import Redis from 'ioredis';
import { PromotionRefusedError } from '../registry/model-lifecycle';
import { ModelRegistryRepository } from '../registry/model-registry.repository';
import { ModelStore } from '../serving/model-store.service';
import { PROMOTION_CHANNEL } from '../serving/promotion-channel';

// The `model-lifecycle` queue: what `pnpm qbm train|promote|rollback` does, for the API's admin
// routes. One job at a time; training blocks this process for about a minute, so the lock is long.
@Injectable()
export class ManageModelProcessor implements OnModuleInit {
  constructor(
    private readonly workers: JobWorkers,
    private readonly store: ModelStore,
    private readonly registry: ModelRegistryRepository,
    private readonly redis: Redis,
  ) {}

  onModuleInit(): void {
    this.workers.process(manageModelJob, (payload) => this.run(payload), { concurrency: 1, lockDurationMs: 600_000 });
  }

  async run(payload: ManageModelPayload): Promise<ManageModelResult> {
    const lifecycle = this.store.lifecycle();
    const { model } = payload;
    switch (payload.action) {
      case 'train': {
        const trained = await lifecycle.train(model, payload.seed);
        const score = { name: trained.score.name, value: trained.score.value };
        if (!payload.promote) {
          return { action: 'train', model, version: trained.version, promoted: false, reason: 'trained', score };
        }
        const decision = await this.promote(model, trained.version);
        return { action: 'train', model, ...decision, score };
      }
      case 'promote': {
        const version = payload.version ?? (await this.registry.list(model))[0]?.version;
        if (!version) throw new Error(`${model} has no trained version`);
        return { action: 'promote', model, ...(await this.promote(model, version)) };
      }
      case 'rollback': {
        const decision = await lifecycle.rollback(model);
        await this.announce(model);
        return { action: 'rollback', model, ...decision };
      }
      default:
        throw new Error(`unknown action ${String((payload as { action: string }).action)}`);
    }
  }

  // A candidate that does not beat the live version is an answer, not a failure.
  private async promote(model: ManageModelPayload['model'], version: string) {
    try {
      const decision = await this.store.lifecycle().promote(model, version);
      if (decision.promoted) await this.announce(model);
      return decision;
    } catch (error) {
      if (error instanceof PromotionRefusedError) return { promoted: false, version, reason: error.message };
      throw error;
    }
  }

  // This service swaps at once; the others hear it on the channel (or poll the registry).
  private async announce(model: string): Promise<void> {
    await this.store.refresh();
    await this.redis.publish(PROMOTION_CHANNEL, model).catch(() => 0);
  }
}
