import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../network/free-port';
import { waitFor } from '../wait-for';

export const ALERTMANAGER_BINARY = process.env.QBM_ALERTMANAGER_BIN ?? '/usr/bin/prometheus-alertmanager';
const SHIPPED_CONFIG = join(__dirname, '..', '..', '..', '..', 'deploy', 'alertmanager', 'alertmanager.yml');

// A real Alertmanager running the shipped configuration, pointed at a notifier under test: only
// the webhook URL, the token file's path and the grouping delays (to seconds) are changed.
export class AlertmanagerProcess {
  private constructor(
    private readonly child: ChildProcess,
    private readonly workdir: string,
    readonly url: string,
  ) {}

  static available(): boolean {
    return existsSync(ALERTMANAGER_BINARY);
  }

  static async start(notifierUrl: string, webhookToken: string): Promise<AlertmanagerProcess> {
    const workdir = mkdtempSync(join(tmpdir(), 'qbm-alertmanager-'));
    const tokenFile = join(workdir, 'notifier-webhook-token');
    writeFileSync(tokenFile, webhookToken);
    const config = readFileSync(SHIPPED_CONFIG, 'utf8')
      .replaceAll('http://notifier:3002', notifierUrl)
      .replaceAll('/etc/alertmanager/secrets/notifier-webhook-token', tokenFile)
      .replace(/group_wait: \d+s/g, 'group_wait: 1s')
      .replace(/group_interval: \d+m/g, 'group_interval: 1s');
    writeFileSync(join(workdir, 'alertmanager.yml'), config);
    const port = await freePort();
    const child = spawn(
      ALERTMANAGER_BINARY,
      [
        `--config.file=${join(workdir, 'alertmanager.yml')}`,
        `--storage.path=${join(workdir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--cluster.listen-address=',
      ],
      { stdio: 'ignore' },
    );
    const alertmanager = new AlertmanagerProcess(child, workdir, `http://127.0.0.1:${port}`);
    await waitFor(async () => (await fetch(`${alertmanager.url}/-/ready`)).ok, {
      what: 'Alertmanager to be ready',
      timeoutMs: 30_000,
    });
    return alertmanager;
  }

  // As Prometheus does: POST /api/v2/alerts.
  async post(alerts: unknown[]): Promise<void> {
    const response = await fetch(`${this.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts),
    });
    if (!response.ok) throw new Error(`Alertmanager answered ${response.status}: ${await response.text()}`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = once(this.child, 'exit');
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.workdir, { recursive: true, force: true });
  }
}
