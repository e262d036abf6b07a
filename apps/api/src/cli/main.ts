import 'reflect-metadata';
import { ConfigError } from '@qbm/config';
import { ApiConfig } from '../config/api.config';
import { readVersion } from '../config/version';
import { CliUsageError } from './cli-usage.error';
import { migrateCommand } from './commands/migrate.command';
import { SEED_USAGE, seedCommand } from './commands/seed.command';

// The API's own commands: its schema and its demo data. `pnpm qbm` (apps/cli) dispatches here; the
// image runs it directly (`node dist/cli/main.js migrate`) as the migration job.
const USAGE = `usage: node apps/api/dist/cli/main.js <command>
  qbm migrate                 create the database if missing and apply migrations
  ${SEED_USAGE.padEnd(26)}  fill an empty database with a demo organisation ("demo")`;

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  const config = (): ApiConfig =>
    ApiConfig.fromEnvironment({ LOG_LEVEL: 'warn', ...process.env }, readVersion(), 'cli');
  switch (command ?? 'help') {
    case 'migrate':
      await migrateCommand(config(), log);
      return 0;
    case 'seed':
      await seedCommand(config(), rest, log);
      return 0;
    default:
      process.stderr.write(`${USAGE}\n`);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof CliUsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`qbm: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
