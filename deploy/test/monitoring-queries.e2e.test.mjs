// The monitoring files in the real binaries: every Grafana panel query and the KEDA trigger's query
// are valid PromQL to a real Prometheus loaded with the shipped rules (all rule groups healthy), and
// the gateway's stub_status server (deploy/gateway/status.conf) serves what the nginx exporter reads.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freePort, until } from '../../scripts/lib.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const PROMETHEUS = '/usr/bin/prometheus';
const NGINX = '/usr/sbin/nginx';
const required = process.env.CI === 'true' || process.env.QBM_OPS_STRICT === '1';

async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

// Every panel's queries, rows' nested panels included, with Grafana's variables given values.
function dashboardQueries() {
  const dashboard = JSON.parse(readFileSync(join(ROOT, 'grafana/dashboards/qbm-overview.json'), 'utf8'));
  const panels = (list) => list.flatMap((panel) => [panel, ...panels(panel.panels ?? [])]);
  return panels(dashboard.panels).flatMap((panel) =>
    (panel.targets ?? [])
      .filter((target) => target.expr)
      .map((target) => ({
        where: `${panel.title} ${target.refId}`,
        expr: target.expr.replaceAll('$__rate_interval', '1m').replaceAll('$service', '.*'),
      })),
  );
}

function kedaQuery() {
  const manifest = readFileSync(join(ROOT, 'deploy/k8s/inference-scaledobject.yaml'), 'utf8');
  const query = /^\s+query: (.+)$/m.exec(manifest)?.[1];
  assert.ok(query, 'no query in inference-scaledobject.yaml');
  return { where: 'KEDA ScaledObject qbm-inference', expr: query };
}

test(
  'every dashboard query and the KEDA query are valid PromQL; the shipped rules load healthy',
  { skip: !existsSync(PROMETHEUS) && !required && `${PROMETHEUS} is not installed` },
  async () => {
    const workdir = mkdtempSync(join(tmpdir(), 'qbm-prometheus-'));
    const rules = readdirSync(join(ROOT, 'prometheus/rules'))
      .filter((file) => file.endsWith('.yml'))
      .map((file) => join(ROOT, 'prometheus/rules', file));
    writeFileSync(
      join(workdir, 'prometheus.yml'),
      `global:\n  evaluation_interval: 1s\nrule_files:\n${rules.map((file) => `  - ${file}\n`).join('')}`,
    );
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const prometheus = spawn(
      PROMETHEUS,
      [
        `--config.file=${join(workdir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(workdir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: 'ignore' },
    );
    try {
      await until('Prometheus to be ready', async () => (await fetch(`${base}/-/ready`)).ok, 20_000);
      const queries = [...dashboardQueries(), kedaQuery()];
      assert.ok(queries.length >= 60, `only ${queries.length} queries found`);
      const invalid = [];
      for (const { where, expr } of queries) {
        const response = await fetch(`${base}/api/v1/query?${new URLSearchParams({ query: expr })}`);
        if (!response.ok) invalid.push(`${where}: ${(await response.json()).error}`);
      }
      assert.deepEqual(invalid, []);

      // The rules evaluate (the Watchdog fires with no data at all) and no group reports an error.
      const firing = await until(
        'the Watchdog to fire',
        async () => {
          const { data } = await (await fetch(`${base}/api/v1/alerts`)).json();
          return data.alerts.find((alert) => alert.labels.alertname === 'Watchdog' && alert.state === 'firing');
        },
        20_000,
      );
      assert.equal(firing.labels.severity, 'none');
      const { data } = await (await fetch(`${base}/api/v1/rules`)).json();
      const unhealthy = data.groups
        .flatMap((group) => group.rules)
        .filter((rule) => rule.health === 'err')
        .map((rule) => `${rule.name}: ${rule.lastError}`);
      assert.deepEqual(unhealthy, []);
    } finally {
      await stop(prometheus);
      rmSync(workdir, { recursive: true, force: true });
    }
  },
);

test(
  "the gateway's stub_status server answers what the nginx exporter reads, and nothing else",
  { skip: !existsSync(NGINX) && !required && `${NGINX} is not installed` },
  async () => {
    const workdir = mkdtempSync(join(tmpdir(), 'qbm-nginx-'));
    const port = await freePort();
    const status = readFileSync(join(ROOT, 'deploy/gateway/status.conf'), 'utf8').replace(
      /listen 8081;/,
      `listen 127.0.0.1:${port};`,
    );
    assert.notEqual(status, readFileSync(join(ROOT, 'deploy/gateway/status.conf'), 'utf8'), 'listen 8081 not found');
    writeFileSync(join(workdir, 'status.conf'), status);
    for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(workdir, dir));
    writeFileSync(
      join(workdir, 'nginx.conf'),
      [
        'daemon off;',
        `pid ${join(workdir, 'nginx.pid')};`,
        'error_log stderr;',
        'events {}',
        'http {',
        ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
          (dir) => `  ${dir === 'body' ? 'client_body' : dir}_temp_path ${join(workdir, dir)};`,
        ),
        `  include ${join(workdir, 'status.conf')};`,
        '}',
      ].join('\n'),
    );
    const nginx = spawn(NGINX, ['-p', workdir, '-c', join(workdir, 'nginx.conf')], { stdio: 'ignore' });
    try {
      const base = `http://127.0.0.1:${port}`;
      const body = await until(
        'nginx to answer',
        async () => {
          const response = await fetch(`${base}/stub_status`);
          return response.ok ? response.text() : undefined;
        },
        20_000,
      );
      assert.match(body, /^Active connections: \d+/);
      assert.match(body, /server accepts handled requests\n\s*\d+ \d+ \d+/);
      assert.equal((await fetch(`${base}/`)).status, 404);
      assert.equal((await fetch(`${base}/metrics`)).status, 404);
    } finally {
      await stop(nginx);
      rmSync(workdir, { recursive: true, force: true });
    }
  },
);
