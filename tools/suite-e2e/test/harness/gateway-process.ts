import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from '@qbm/testing';
import { paths } from './repository-paths';

export const NGINX_BINARY = process.env.QBM_NGINX_BIN ?? '/usr/sbin/nginx';

export interface GatewayOptions {
  apiUpstream: string;
  notifierUpstream: string;
  ratePerSecond?: number;
  burst?: number;
  maxBodySize?: string;
}

export interface AccessLogLine {
  request_id: string;
  remote_addr: string;
  method: string;
  uri: string;
  status: number;
  upstream: string;
  upstream_status: string;
}

// Debian's nginx running the shipped gateway templates, rendered by deploy/gateway/render-config.mjs
// exactly as operators render them, unprivileged in a temporary directory.
export class GatewayProcess {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly port: number,
    // stub_status (deploy/gateway/status.conf, as compose mounts it), for the nginx exporter.
    readonly statusPort: number,
  ) {}

  static available(): boolean {
    return existsSync(NGINX_BINARY);
  }

  static async start(options: GatewayOptions): Promise<GatewayProcess> {
    const dir = mkdtempSync(join(tmpdir(), 'qbm-gateway-'));
    const port = await freePort();
    execFileSync(process.execPath, [paths.gatewayRenderer, '--out', dir], {
      env: {
        PATH: process.env.PATH ?? '',
        API_UPSTREAM: options.apiUpstream,
        NOTIFIER_UPSTREAM: options.notifierUpstream,
        GATEWAY_PORT: `127.0.0.1:${port}`,
        GATEWAY_RATE_PER_SECOND: String(options.ratePerSecond ?? 50),
        GATEWAY_RATE_BURST: String(options.burst ?? 100),
        GATEWAY_MAX_BODY_SIZE: options.maxBodySize ?? '1m',
        GATEWAY_ACCESS_LOG: join(dir, 'access.log'),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const statusPort = await freePort();
    const status = readFileSync(paths.gatewayStatusConfig, 'utf8').replace(
      /listen \d+;/,
      `listen 127.0.0.1:${statusPort};`,
    );
    writeFileSync(join(dir, 'conf.d', 'status.conf'), status);
    const args = ['-p', `${dir}/`, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')];
    execFileSync(NGINX_BINARY, ['-t', '-q', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
    const child = spawn(NGINX_BINARY, [...args, '-g', 'daemon off;'], { stdio: 'ignore' });
    const gateway = new GatewayProcess(child, dir, port, statusPort);
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`nginx exited: ${gateway.errorLog()}`);
        return (await fetch(`${gateway.url}/`)).status === 404;
      },
      { what: 'the gateway to answer', timeoutMs: 15_000 },
    );
    return gateway;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  accessLog(): AccessLogLine[] {
    const path = join(this.dir, 'access.log');
    if (!existsSync(path)) return [];
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as AccessLogLine);
  }

  // nginx writes a request's line once the request is done, a moment after the client has the answer.
  logLineOf(requestId: string | string[] | undefined): Promise<AccessLogLine> {
    return waitFor(() => this.accessLog().find((line) => line.request_id === requestId), {
      what: `the access log line of request ${String(requestId)}`,
      timeoutMs: 5_000,
    });
  }

  errorLog(): string {
    const path = join(this.dir, 'error.log');
    return existsSync(path) ? readFileSync(path, 'utf8') : '';
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = once(this.child, 'exit');
      // QUIT: nginx's graceful stop.
      this.child.kill('SIGQUIT');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
