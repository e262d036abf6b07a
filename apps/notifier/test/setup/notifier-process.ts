import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { testEnvironment } from './test-notifier';
import { freePort, waitFor } from '@qbm/testing';

const ENTRY = join(__dirname, '..', '..', 'dist', 'main.js');

// The built notifier (dist/main.js) as operators run it, in a process of its own so a test can
// kill it without warning.
export class NotifierProcess {
  private child: ChildProcess | undefined;
  readonly output: string[] = [];

  private constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  static async start(env: Record<string, string>): Promise<NotifierProcess> {
    if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: build the notifier first (pnpm build)`);
    const notifier = new NotifierProcess(await freePort(), env);
    await notifier.restart();
    return notifier;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async restart(): Promise<void> {
    if (this.child) throw new Error('the notifier is already running');
    const child = spawn(process.execPath, [ENTRY], {
      env: {
        PATH: process.env.PATH ?? '',
        ...testEnvironment(this.env),
        NOTIFIER_HOST: '127.0.0.1',
        NOTIFIER_PORT: String(this.port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    for (const stream of [child.stdout, child.stderr])
      stream?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    child.once('exit', () => {
      if (this.child === child) this.child = undefined;
    });
    await waitFor(async () => this.child === child && (await fetch(`${this.url}/health/ready`)).ok, {
      what: `the notifier on port ${this.port} to be ready (output: ${this.output.join('').slice(-500)})`,
      timeoutMs: 60_000,
    });
  }

  // SIGKILL: no shutdown hook runs, in-flight work is simply gone.
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
    this.child = undefined;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
    this.child = undefined;
  }
}
