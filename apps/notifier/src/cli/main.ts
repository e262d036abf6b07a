import 'reflect-metadata';
import { ConfigError } from '@qbm/config';
import { NotifierConfig } from '../config/notifier.config';
import { readVersion } from '../config/version';
import { CliUsageError } from './cli-usage.error';
import { migrateCommand } from './commands/migrate.command';
import { NOTIFICATIONS_USAGE, notificationsCommand } from './commands/notifications.command';

const USAGE = `usage: node apps/notifier/dist/cli/main.js <command>   (pnpm qbm <command>)
  migrate                     create the database if missing and apply the notifier's migrations
  ${NOTIFICATIONS_USAGE}
                              dead letters: list them, deliver them again`;

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const write = (text: string): void => void process.stdout.write(text);
  if (command === undefined || command === 'help' || command === '--help') {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  const config = NotifierConfig.fromEnvironment({ LOG_LEVEL: 'warn', ...process.env }, readVersion(), 'cli');
  switch (command) {
    case 'migrate':
      await migrateCommand(config, (line) => write(`${line}\n`));
      return 0;
    case 'notifications':
      await notificationsCommand(config, rest, write);
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
    process.stderr.write(`qbm notifier: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
