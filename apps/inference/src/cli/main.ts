import 'reflect-metadata';
import { ConfigError } from '@qbm/config';
import { InferenceConfig } from '../config/inference.config';
import { readVersion } from '../config/version';
import { PromotionRefusedError } from '../registry/model-lifecycle';
import { CliUsageError } from './cli-usage.error';
import { migrateCommand } from './commands/migrate.command';
import { MODEL_USAGE, modelCommand } from './commands/model.commands';

const USAGE = `usage: node apps/inference/dist/cli/main.js <command>   (pnpm qbm inference <command>)
  migrate                              apply the inference service's migrations (model registry)
  ${MODEL_USAGE}`;

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  if (command === undefined || command === 'help' || command === '--help') {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  const config = InferenceConfig.fromEnvironment({ LOG_LEVEL: 'warn', ...process.env }, readVersion(), 'cli');
  switch (command) {
    case 'migrate':
      await migrateCommand(config, log);
      return 0;
    case 'train':
    case 'promote':
    case 'rollback':
    case 'models':
      await modelCommand(config, command, rest, log);
      return 0;
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof CliUsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof PromotionRefusedError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(3);
    }
    process.stderr.write(`qbm inference: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
