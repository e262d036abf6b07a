import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { ROOT } from '../repository';
import { SkipCheck } from './check';

export function hasTool(command: string, versionArgs: readonly string[] = ['--version']): boolean {
  const probe = spawnSync(command, versionArgs, { encoding: 'utf8' });
  return probe.error === undefined && probe.status === 0;
}

export function requireTool(command: string, versionArgs?: readonly string[]): void {
  if (!hasTool(command, versionArgs)) throw new SkipCheck(`${command} not found`);
}

// Runs a tool from the repository root; a non-zero exit fails the check with the tool's last lines.
export function exec(command: string, args: readonly string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const output = `${String(result.stdout ?? '')}${String(result.stderr ?? '')}`.trim().split('\n').slice(-15);
    throw new Error(`${command} ${args.join(' ')} exited ${String(result.status)}\n${output.join('\n')}`);
  }
  return String(result.stdout);
}

// The Compose v2 plugin, or Debian's docker-compose (v1) where the plugin is absent.
export function composeCommand(): [string, string[]] {
  if (hasTool('docker', ['compose', 'version'])) return ['docker', ['compose']];
  if (hasTool('docker-compose', ['version'])) return ['docker-compose', []];
  throw new SkipCheck('neither `docker compose` (the Compose plugin) nor docker-compose is installed');
}
