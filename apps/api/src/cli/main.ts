import 'reflect-metadata';
import { ConfigError } from '@qbm/config';
import { ApiConfig } from '../config/api.config';
import { readVersion } from '../config/version';
import { CliUsageError } from './cli-usage.error';
import { DOCTOR_USAGE, doctorCommand } from './commands/doctor.command';
import { migrateCommand } from './commands/migrate.command';
import { seedCommand } from './commands/seed.command';
import { TOKEN_USAGE, tokenCommand } from './commands/token.command';

const USAGE = `usage: pnpm qbm <command>
  ${TOKEN_USAGE}
  qbm migrate                 create the database if missing and apply migrations
  qbm seed                    fill an empty database with a demo organisation ("demo")
  ${DOCTOR_USAGE}
                              Postgres, Redis, queues, services and system in one report; exit 1 when a section fails`;

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  const config = ApiConfig.fromEnvironment({ LOG_LEVEL: 'warn', ...process.env }, readVersion(), 'cli');
  switch (command ?? 'help') {
    case 'token':
      log(tokenCommand(config, rest));
      return 0;
    case 'migrate':
      await migrateCommand(config, log);
      return 0;
    case 'seed':
      await seedCommand(config, rest, log);
      return 0;
    case 'doctor':
      return doctorCommand(config, rest, {
        env: process.env,
        isTty: process.stdout.isTTY === true,
        write: (text) => void process.stdout.write(text),
      });
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
