import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CLI_ENTRIES, type AppCommand } from './app-commands';

export interface AppCommandIo {
  root: string;
  env: NodeJS.ProcessEnv;
  // Where the "which app" lines go (stderr), so a command's own output can still be piped.
  log: (line: string) => void;
}

// Runs the command in each app's CLI in turn, output passed straight through; the first app that
// fails ends the run with its exit code (a usage error stays 2), and a missing build is a 1.
export async function runAppCommand(
  command: string,
  spec: AppCommand,
  argv: readonly string[],
  io: AppCommandIo,
): Promise<number> {
  for (const app of spec.apps) {
    const entry = join(io.root, APP_CLI_ENTRIES[app]);
    if (!existsSync(entry)) {
      io.log(`qbm: ${APP_CLI_ENTRIES[app]} is missing: build @qbm/${app} first (pnpm build)`);
      return 1;
    }
    if (spec.apps.length > 1) io.log(`qbm ${command}: ${app}`);
    const code = await runNode(entry, [command, ...argv], io);
    if (code !== 0) return code;
  }
  return 0;
}

function runNode(entry: string, args: string[], io: AppCommandIo): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], { cwd: io.root, env: io.env, stdio: 'inherit' });
    // Ctrl-C reaches the child through the terminal's process group; the CLI just waits for it.
    const ignore = (): void => undefined;
    process.on('SIGINT', ignore);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.off('SIGINT', ignore);
      resolve(code ?? (signal === 'SIGINT' ? 130 : 1));
    });
  });
}
