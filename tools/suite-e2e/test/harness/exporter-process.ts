import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { freePort, waitFor } from '@qbm/testing';
import { paths } from './repository-paths';

export const NGINX_EXPORTER_BINARY = process.env.QBM_NGINX_EXPORTER_BIN ?? '/usr/bin/prometheus-nginx-exporter';
export const BLACKBOX_EXPORTER_BINARY =
  process.env.QBM_BLACKBOX_EXPORTER_BIN ?? '/usr/bin/prometheus-blackbox-exporter';

// Debian's Prometheus exporters, as compose runs them: the nginx exporter on the gateway's
// stub_status, the blackbox exporter with deploy/blackbox/blackbox.yml.
export class ExporterProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly address: string,
  ) {}

  static available(): boolean {
    return existsSync(NGINX_EXPORTER_BINARY) && existsSync(BLACKBOX_EXPORTER_BINARY);
  }

  static async nginx(statusPort: number): Promise<ExporterProcess> {
    const port = await freePort();
    return ExporterProcess.start(NGINX_EXPORTER_BINARY, port, [
      `-nginx.scrape-uri=http://127.0.0.1:${statusPort}/stub_status`,
      `-web.listen-address=127.0.0.1:${port}`,
    ]);
  }

  static async blackbox(): Promise<ExporterProcess> {
    const port = await freePort();
    return ExporterProcess.start(BLACKBOX_EXPORTER_BINARY, port, [
      `--config.file=${paths.blackboxConfig}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ]);
  }

  private static async start(binary: string, port: number, args: string[]): Promise<ExporterProcess> {
    const child = spawn(binary, args, { stdio: 'ignore' });
    const exporter = new ExporterProcess(child, `127.0.0.1:${port}`);
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`${binary} exited with ${child.exitCode}`);
        return (await fetch(`http://${exporter.address}/metrics`)).ok;
      },
      { what: `${binary} to serve /metrics`, timeoutMs: 15_000, intervalMs: 100 },
    );
    return exporter;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    await exited;
  }
}
