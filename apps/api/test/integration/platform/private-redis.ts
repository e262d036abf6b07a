import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../setup/free-port';

// One inline command over a raw socket, resolving with the first reply line (no client library, no timers left behind).
function inlineCommand(port: number, command: string, timeoutMs = 5_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`${command} timed out`)));
    socket.once('connect', () => socket.write(`${command}\r\n`));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      const end = reply.indexOf('\r\n');
      if (end >= 0) {
        socket.destroy();
        resolve(reply.slice(0, end));
      }
    });
    socket.once('error', reject);
  });
}

// A redis-server of the spec's own, so it can be killed and restarted without touching anyone else's.
// No periodic saves and no AOF; `snapshot()` writes an RDB on demand, which a restart on the same
// directory loads, so cached entries can survive an outage the way they would on a real server.
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

  async restart(): Promise<void> {
    if (this.process) throw new Error('redis-server is already running');
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir],
      {
        stdio: 'ignore',
      },
    );
    this.process = child;
    child.once('exit', () => {
      if (this.process === child) this.process = undefined;
    });
    await this.waitForPing(10_000);
  }

  // Abrupt, like a crash: no shutdown save, connections dropped.
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
      if (Date.now() > deadline)
        throw new Error(`redis-server on port ${this.port} did not answer PING within ${timeoutMs} ms: ${reply}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
