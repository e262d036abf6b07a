import 'reflect-metadata';
import { ConfigError } from '@qbm/config';
import { CliUsageError } from './cli-usage.error';
import { DOCTOR_USAGE, doctorCommand } from './commands/doctor.command';
import { TOKEN_USAGE, tokenCommand } from './commands/token.command';
import { CliConfig } from './config/cli.config';
import { runAppCommand } from './dispatch/app-command.runner';
import { APP_COMMANDS } from './dispatch/app-commands';

const USAGE = [
  'usage: pnpm qbm <command>',
  `  ${TOKEN_USAGE}`,
  ...Object.values(APP_COMMANDS).map((command) => `  ${command.usage.padEnd(26)}  ${command.summary}`),
  `  ${DOCTOR_USAGE}`,
  '                              Postgres, Redis, queues, services and system in one report; exit 1 when a section fails',
].join('\n');

// Exit codes: 0 done, 1 failed (or doctor found a failing section), 2 bad usage or configuration.
async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  switch (command ?? 'help') {
    case 'token':
      log(tokenCommand(CliConfig.fromEnvironment(process.env, ['jwt']), rest));
      return 0;
    case 'doctor':
      return doctorCommand(CliConfig.fromEnvironment(process.env), rest, {
        isTty: process.stdout.isTTY === true,
        write: (text) => void process.stdout.write(text),
      });
    default: {
      const appCommand =
        command !== undefined && Object.hasOwn(APP_COMMANDS, command) ? APP_COMMANDS[command] : undefined;
      if (command !== undefined && appCommand !== undefined) {
        const { root } = CliConfig.fromEnvironment(process.env);
        return runAppCommand(command, appCommand, rest, {
          root,
          env: process.env,
          log: (line) => void process.stderr.write(`${line}\n`),
        });
      }
      process.stderr.write(`${USAGE}\n`);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
    }
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
