import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { MODEL_NAMES, type ModelName } from '../../artifacts/model-card';
import { activateBackend } from '../../backend/tfjs-backend';
import { BASE_MODEL_SEED, type InferenceConfig } from '../../config/inference.config';
import { dataSourceOptions } from '../../database/data-source-options';
import { ModelLifecycle } from '../../registry/model-lifecycle';
import { ModelRegistryRepository } from '../../registry/model-registry.repository';
import { PROMOTION_CHANNEL } from '../../serving/promotion-channel';
import { CliUsageError } from '../cli-usage.error';
import { ProgressBar } from '../progress-bar';

export const MODEL_USAGE = `train <model> [--seed N] [--promote]   train on the simulator, evaluate held out, register
  promote <model> [version]            serve a version (default: the newest) if it beats the live one
  rollback <model>                     serve the version promoted before the live one
  models [model]                       list versions, scores and which is live
  models: ${MODEL_NAMES.join(', ')}`;

function modelName(value: string | undefined): ModelName {
  if (!value || !(MODEL_NAMES as readonly string[]).includes(value)) {
    throw new CliUsageError(`expected a model (${MODEL_NAMES.join(', ')}), got ${value ?? 'nothing'}`);
  }
  return value as ModelName;
}

function seedOf(args: readonly string[]): number {
  const at = args.indexOf('--seed');
  if (at < 0) return Date.now() % 2_147_483_647;
  const seed = Number(args[at + 1]);
  if (!Number.isInteger(seed) || seed < 0) throw new CliUsageError('--seed takes a non-negative integer');
  return seed;
}

// Tells running inference services to reload; they also poll, so a failure here is only a delay.
async function announce(config: InferenceConfig, model: ModelName): Promise<void> {
  const redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.publish(PROMOTION_CHANNEL, model);
  } catch {
    // polled within INFERENCE_REGISTRY_POLL_MS
  } finally {
    redis.disconnect();
  }
}

export async function modelCommand(
  config: InferenceConfig,
  command: 'train' | 'promote' | 'rollback' | 'models',
  args: readonly string[],
  log: (line: string) => void,
): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(config));
  await dataSource.initialize();
  try {
    const registry = new ModelRegistryRepository(dataSource);
    const backend = await activateBackend(config.serving.backend);
    const lifecycle = new ModelLifecycle(registry, config.serving.modelDir, backend, log);
    switch (command) {
      case 'train': {
        const name = modelName(args[0]);
        // On stderr: stdout keeps the report alone, for a pipe.
        const bar = new ProgressBar(process.stderr);
        const trained = await lifecycle.train(name, seedOf(args), (p) => bar.update(p));
        bar.finish();
        log(trained.report.text);
        if (args.includes('--promote')) {
          const decision = await lifecycle.promote(name, trained.version);
          log(`promote: ${decision.reason}`);
          if (decision.promoted) await announce(config, name);
        }
        return;
      }
      case 'promote': {
        const name = modelName(args[0]);
        const version = args[1] ?? (await registry.list(name))[0]?.version;
        if (!version) throw new CliUsageError(`${name} has no trained version`);
        const decision = await lifecycle.promote(name, version);
        log(`promote: ${decision.reason}`);
        if (decision.promoted) await announce(config, name);
        return;
      }
      case 'rollback': {
        const name = modelName(args[0]);
        const decision = await lifecycle.rollback(name);
        log(`rollback: ${name} now serves ${decision.version} (${decision.reason})`);
        await announce(config, name);
        return;
      }
      case 'models': {
        const rows = await registry.list(args[0] ? modelName(args[0]) : undefined);
        for (const row of rows) {
          log(
            `${row.promoted ? '*' : ' '} ${row.model.padEnd(16)} ${row.version.padEnd(30)} ${row.scoreName} ${row.score.toFixed(4)}  seed ${row.seed}  ${row.createdAt}`,
          );
        }
        if (rows.length === 0) log(`no versions (base models are trained with seed ${BASE_MODEL_SEED} at first start)`);
        return;
      }
      default:
        throw new CliUsageError(`unknown command ${String(command)}`);
    }
  } finally {
    await dataSource.destroy();
  }
}
