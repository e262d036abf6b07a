import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { freePort, waitFor } from '@qbm/testing';

export interface ServiceSpec {
  name: string;
  entry: string;
  // The service's listen variables, e.g. API_HOST/API_PORT.
  prefix: string;
  env: Record<string, string>;
  // How long it may take to become ready (the inference service may train its models first).
  readyTimeoutMs?: number;
}

// A built service (dist/main.js) as operators run it, in its own process, on a free loopback port.
export class ServiceProcess {
  readonly output: string[] = [];

  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly child: ChildProcess,
  ) {}

  static async start(spec: ServiceSpec): Promise<ServiceProcess> {
    if (!existsSync(spec.entry)) throw new Error(`${spec.entry} is missing: build ${spec.name} first (pnpm build)`);
    const port = await freePort();
    const child = spawn(process.execPath, [spec.entry], {
      env: { ...spec.env, [`${spec.prefix}_HOST`]: '127.0.0.1', [`${spec.prefix}_PORT`]: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const service = new ServiceProcess(spec.name, port, child);
    for (const stream of [child.stdout, child.stderr])
      stream?.on('data', (chunk: Buffer) => service.output.push(chunk.toString()));
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`${spec.name} exited with ${child.exitCode}`);
        return (await fetch(`${service.url}/health/ready`)).ok;
      },
      { what: `${spec.name} to be ready`, timeoutMs: spec.readyTimeoutMs ?? 60_000, intervalMs: 200 },
    ).catch((error: Error) => {
      child.kill('SIGKILL');
      throw new Error(`${error.message}; output: ${service.output.join('').slice(-1500)}`);
    });
    return service;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    await exited;
  }
}
