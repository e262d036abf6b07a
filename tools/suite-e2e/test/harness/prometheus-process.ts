import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from '@qbm/testing';
import { paths } from './repository-paths';

export const PROMETHEUS_BINARY = process.env.QBM_PROMETHEUS_BIN ?? '/usr/bin/prometheus';

// Where each compose host:port of prometheus/prometheus.yml runs in the test ('api:3000' → '127.0.0.1:41234').
export type AddressMap = Record<string, string>;

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

// A real Prometheus running the shipped prometheus/prometheus.yml (its jobs, labels, relabelling and
// token files) with the compose addresses mapped to the test's ports, scraping every second, and the
// repository's rules, compressed.
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

  static async start(addresses: AddressMap, metricsToken: string): Promise<PrometheusProcess> {
    const dir = mkdtempSync(join(tmpdir(), 'qbm-prometheus-'));
    mkdirSync(join(dir, 'rules'));
    for (const file of readdirSync(paths.rules).filter((name) => /\.ya?ml$/.test(name)))
      writeFileSync(join(dir, 'rules', file), compressRules(readFileSync(join(paths.rules, file), 'utf8')));
    mkdirSync(join(dir, 'secrets'));
    writeFileSync(join(dir, 'secrets', 'metrics-token'), metricsToken);
    const port = await freePort();
    const config = mapAddresses(readFileSync(paths.prometheusConfig, 'utf8'), {
      ...addresses,
      'localhost:9090': `127.0.0.1:${port}`,
    });
    writeFileSync(join(dir, 'prometheus.yml'), config);
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

// Every compose address replaced (an unmapped one would be scraped nowhere: refused), and the
// intervals shortened to a second so the compressed rules see several samples in their windows.
export function mapAddresses(config: string, addresses: AddressMap): string {
  let mapped = config
    .replace(/^(\s+)scrape_interval: \S+/m, '$1scrape_interval: 1s')
    .replace(/^(\s+)scrape_timeout: \S+/m, '$1scrape_timeout: 1s')
    .replace(/^(\s+)evaluation_interval: \S+/m, '$1evaluation_interval: 1s');
  for (const [from, to] of Object.entries(addresses))
    mapped = mapped.replace(new RegExp(`(?<=['/\\s])${from.replace(/[.]/g, '\\.')}(?=[/'\\s]|$)`, 'gm'), to);
  const settings = mapped.replace(/#.*$/gm, '');
  const unmapped = /(?<=['/\s])([a-z][\w-]*:\d+)(?=[/'\s]|$)/m.exec(settings);
  if (unmapped) throw new Error(`prometheus.yml names ${unmapped[1]}, which the test does not map`);
  return mapped;
}
