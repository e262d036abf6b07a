import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../network/free-port';
import { inlineCommand } from './inline-command';

// The pids of the redis-servers this process started: the FLUSHDB guard lets any database of these through.
const STARTED = new Set<number>();

export function isPrivateRedisProcess(pid: number): boolean {
  return STARTED.has(pid);
}

// A redis-server of the spec's own on a free port, so killing it disturbs nobody else. No periodic
// saves and no AOF: a restart comes back empty, like a crashed cache node, unless `snapshot()` wrote
// an RDB first, which a restart on the same directory loads.
export class PrivateRedis {
  private process: ChildProcess | undefined;
  private readonly dir = mkdtempSync(join(tmpdir(), 'qbm-redis-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  get running(): boolean {
    return this.process !== undefined;
  }

  async restart(timeoutMs = 10_000): Promise<void> {
    if (this.process) throw new Error('redis-server is already running');
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    const child = spawn('redis-server', [...args, '--dir', this.dir], { stdio: 'ignore' });
    this.process = child;
    if (child.pid !== undefined) STARTED.add(child.pid);
    child.once('exit', () => {
      if (child.pid !== undefined) STARTED.delete(child.pid);
      if (this.process === child) this.process = undefined;
    });
    await this.waitForPing(timeoutMs);
  }

  // Abrupt, like a crash: no shutdown save, connections dropped without a goodbye.
  async kill(): Promise<void> {
    const child = this.process;
    if (!child) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
    this.process = undefined;
  }

  async snapshot(): Promise<void> {
    const reply = await inlineCommand(this.port, 'SAVE');
    if (reply !== '+OK') throw new Error(`SAVE answered ${reply}`);
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async waitForPing(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const reply = await inlineCommand(this.port, 'PING', 1_000).catch((error: Error) => error.message);
      if (reply === '+PONG') return;
      if (!this.process) throw new Error(`redis-server on port ${this.port} exited before answering PING`);
      if (Date.now() > deadline)
        throw new Error(`redis-server on port ${this.port} did not answer PING within ${timeoutMs} ms: ${reply}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
