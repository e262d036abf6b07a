import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from '@qbm/testing';
import { paths } from './repository-paths';

export const PROMETHEUS_BINARY = process.env.QBM_PROMETHEUS_BIN ?? '/usr/bin/prometheus';

export interface ScrapeTarget {
  // The job and `service` label, as in prometheus/prometheus.yml.
  service: string;
  address: string;
  bearerToken?: string;
}

export interface PromSample {
  metric: Record<string, string>;
  value: [number, string];
}

// The shipped rules with time compressed so a test sees an alert fire and resolve in seconds:
// every range window ([5m], [10m]) becomes [20s] and every `for:` 5s. Expressions, thresholds,
// labels and annotations are the shipped ones.
export function compressRules(text: string): string {
  return text.replace(/\[\d+[mh]\]/g, '[20s]').replace(/\bfor: \d+[smh]\b/g, 'for: 5s');
}

// A real Prometheus scraping the suite every second with the repository's rules (compressed) and
// sending alerts to a real Alertmanager.
export class PrometheusProcess {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly url: string,
    readonly output: string[],
  ) {}

  static available(): boolean {
    return existsSync(PROMETHEUS_BINARY);
  }

  static async start(targets: ScrapeTarget[], alertmanagerAddress: string): Promise<PrometheusProcess> {
    const dir = mkdtempSync(join(tmpdir(), 'qbm-prometheus-'));
    mkdirSync(join(dir, 'rules'));
    for (const file of readdirSync(paths.rules).filter((name) => /\.ya?ml$/.test(name)))
      writeFileSync(join(dir, 'rules', file), compressRules(readFileSync(join(paths.rules, file), 'utf8')));
    writeFileSync(join(dir, 'prometheus.yml'), prometheusConfig(targets, alertmanagerAddress, dir));
    const port = await freePort();
    const output: string[] = [];
    const child = spawn(
      PROMETHEUS_BINARY,
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--rules.alert.resend-delay=2s',
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const prometheus = new PrometheusProcess(child, dir, `http://127.0.0.1:${port}`, output);
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`prometheus exited: ${output.join('').slice(-1000)}`);
        return (await fetch(`${prometheus.url}/-/ready`)).ok;
      },
      { what: 'Prometheus to be ready', timeoutMs: 30_000, intervalMs: 200 },
    );
    return prometheus;
  }

  async query(expr: string): Promise<PromSample[]> {
    const response = await fetch(`${this.url}/api/v1/query?query=${encodeURIComponent(expr)}`);
    const body = (await response.json()) as { status: string; error?: string; data?: { result: PromSample[] } };
    if (body.status !== 'success') throw new Error(`query ${expr} failed: ${body.error ?? response.status}`);
    return body.data?.result ?? [];
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = once(this.child, 'exit');
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

// The shipped scrape jobs' shape (job = service label, bearer token, exported_service dropped),
// pointed at the suite's free ports.
function prometheusConfig(targets: ScrapeTarget[], alertmanagerAddress: string, dir: string): string {
  const jobs = targets.map((target) => {
    const auth = target.bearerToken
      ? `    authorization:\n      type: Bearer\n      credentials: ${JSON.stringify(target.bearerToken)}\n`
      : '';
    return `  - job_name: ${target.service}
${auth}    static_configs:
      - targets: ['${target.address}']
        labels:
          service: ${target.service}
    metric_relabel_configs:
      - action: labeldrop
        regex: exported_service
`;
  });
  return `global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
  external_labels:
    system: qbm
rule_files:
  - ${join(dir, 'rules')}/*.yml
alerting:
  alertmanagers:
    - static_configs:
        - targets: ['${alertmanagerAddress}']
scrape_configs:
${jobs.join('')}`;
}
