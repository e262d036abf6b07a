import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';

// A redis-server of the spec's own on a free port, so killing it disturbs nobody else.
// No persistence: a restart comes back empty, like a crashed cache node.
export class PrivateRedis {
  private process: ChildProcess | undefined;

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
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    const child = spawn('redis-server', args, { stdio: 'ignore' });
    this.process = child;
    child.once('exit', () => {
      if (this.process === child) this.process = undefined;
    });
    const deadline = Date.now() + 10_000;
    while (!(await this.answersPing())) {
      if (Date.now() > deadline) throw new Error(`redis-server on port ${this.port} did not answer PING`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  // Abrupt, like a crash: connections drop without a goodbye.
  async kill(): Promise<void> {
    const child = this.process;
    if (!child) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
    this.process = undefined;
  }

  // A raw socket, not a client library: nothing retries or lingers after the probe.
  private answersPing(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: this.port });
      const done = (answered: boolean): void => {
        socket.destroy();
        resolve(answered);
      };
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
      socket.once('error', () => done(false));
    });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
