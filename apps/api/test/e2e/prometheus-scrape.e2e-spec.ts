import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@qbm/testing';
import { bearer } from '../setup/test-app';
import { useTestApp } from '../setup/use-test-app';

const PROMETHEUS = '/usr/bin/prometheus';
const REPO = join(__dirname, '../../../..');
const METRICS_TOKEN = 'scrape-token-for-the-e2e-test';

interface Sample {
  metric: Record<string, string>;
  value: [number, string];
}

// The shipped prometheus.yml and rules, run by a real Prometheus against the real API: the scrape
// authenticates, the guide's series arrive under route templates, and every rule evaluates cleanly.
const suite = existsSync(PROMETHEUS) || process.env.CI === 'true' ? describe : describe.skip;

suite('Prometheus scraping the API with the shipped configuration', () => {
  const t = useTestApp({ env: { METRICS_TOKEN }, truncate: 'once' });
  let prometheus: ChildProcess | undefined;
  let workdir: string;
  let promUrl: string;

  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const apiPort = (t.app.getHttpServer().address() as AddressInfo).port;
    workdir = mkdtempSync(join(tmpdir(), 'qbm-prometheus-'));
    writeFileSync(join(workdir, 'metrics-token'), METRICS_TOKEN);
    const config = readFileSync(join(REPO, 'prometheus/prometheus.yml'), 'utf8')
      .replace(/scrape_interval: 15s/, 'scrape_interval: 1s')
      .replace(/scrape_timeout: 10s/, 'scrape_timeout: 1s')
      .replace(/evaluation_interval: 15s/, 'evaluation_interval: 1s')
      .replaceAll('api:3000', `127.0.0.1:${apiPort}`)
      .replaceAll('alertmanager:9093', '127.0.0.1:1')
      .replaceAll('secrets/metrics-token', join(workdir, 'metrics-token'))
      .replace('rules/*.yml', join(REPO, 'prometheus/rules/*.yml'));
    writeFileSync(join(workdir, 'prometheus.yml'), config);
    const promPort = await freePort();
    promUrl = `http://127.0.0.1:${promPort}`;
    prometheus = spawn(
      PROMETHEUS,
      [
        `--config.file=${join(workdir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(workdir, 'data')}`,
        `--web.listen-address=127.0.0.1:${promPort}`,
      ],
      { stdio: 'ignore' },
    );
  });

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      const exited = new Promise((resolve) => prometheus!.once('exit', resolve));
      prometheus.kill('SIGTERM');
      await exited;
    }
    rmSync(workdir, { recursive: true, force: true });
  });

  async function query(expr: string): Promise<Sample[]> {
    const response = await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent(expr)}`);
    const body = (await response.json()) as { status: string; data: { result: Sample[] }; error?: string };
    if (body.status !== 'success') throw new Error(`${expr}: ${body.error ?? body.status}`);
    return body.data.result;
  }

  async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    while (Date.now() < deadline) {
      try {
        const value = await probe();
        if (value !== undefined) return value;
      } catch (error) {
        last = error;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`timed out waiting for ${what}: ${String(last)}`);
  }

  it('scrapes with the token, keeps route templates, and evaluates every rule cleanly', async () => {
    const up = await eventually('the api target to be up', async () => {
      const result = await query('up{job="api"}');
      return result[0]?.value[1] === '1' ? result[0] : undefined;
    });
    expect(up.metric).toMatchObject({ service: 'api', job: 'api' });

    const admin = bearer(t.token('prom-co', 'admin'));
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/objectives',
      headers: admin,
      payload: { name: 'Scraped', type: 'value', priority: 3 },
    });
    const { id } = created.json<{ id: string }>();
    for (let i = 0; i < 5; i += 1)
      await t.app.inject({ method: 'GET', url: `/api/v1/objectives/${id}`, headers: admin });

    const reads = await eventually('the reads to be scraped', async () => {
      const result = await query(
        'sum(api_requests_total{service="api",endpoint="/api/v1/objectives/:id",status="200"})',
      );
      return Number(result[0]?.value[1]) >= 5 ? result : undefined;
    });
    expect(Number(reads[0]!.value[1])).toBe(5);
    expect(await query(`count(api_requests_total{endpoint=~".*${id}.*"})`)).toEqual([]);

    // Cache hits as the guide's rule reads them, and the pool gauge the guide's alert divides by.
    expect(Number((await query('sum(cache_hits_total{service="api",cache_type="objectives"})'))[0]!.value[1])).toBe(4);
    expect(Number((await query('db_connection_pool_max{service="api"}'))[0]!.value[1])).toBeGreaterThan(0);

    const rules = await eventually('every rule to have been evaluated', async () => {
      const response = await fetch(`${promUrl}/api/v1/rules`);
      const body = (await response.json()) as {
        data: { groups: Array<{ rules: Array<{ name: string; health: string; lastError?: string }> }> };
      };
      const all = body.data.groups.flatMap((group) => group.rules);
      return all.length > 0 && all.every((rule) => rule.health !== 'unknown') ? all : undefined;
    });
    expect(rules.length).toBeGreaterThanOrEqual(30);
    expect(
      rules.filter((rule) => rule.health !== 'ok').map((rule) => `${rule.name}: ${rule.lastError ?? rule.health}`),
    ).toEqual([]);

    // A rate needs an increase between two scrapes: keep a trickle of traffic until the ratio is recorded.
    const errorRatio = await eventually('the 5xx ratio to be recorded', async () => {
      await t.app.inject({ method: 'GET', url: '/api/v1/objectives', headers: admin });
      const result = await query('service:api_requests_5xx:ratio_rate5m{service="api"}');
      return result.length > 0 ? result : undefined;
    });
    expect(Number(errorRatio[0]!.value[1])).toBe(0);
  });
});
