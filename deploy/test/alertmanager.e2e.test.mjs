// The shipped Alertmanager configuration in a real Alertmanager: alerts reach the notifier's
// webhook on the receiver their severity names, grouped, and a critical alert silences its warning tier.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freePort, until } from '../../scripts/lib.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

const BINARY = '/usr/bin/prometheus-alertmanager';
const required = process.env.CI === 'true' || process.env.QBM_OPS_STRICT === '1';

test(
  'alerts reach the notifier webhook by severity, critical and TargetMissing inhibit warnings, the Watchdog stays out',
  { skip: !existsSync(BINARY) && !required && `${BINARY} is not installed` },
  async () => {
    const received = [];
    const webhook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push({ path: request.url, authorization: request.headers.authorization, body: JSON.parse(body) });
        response.writeHead(200).end();
      });
    });
    await new Promise((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    const hookUrl = `http://127.0.0.1:${webhook.address().port}/api/v1/alerts/alertmanager`;

    const workdir = mkdtempSync(join(tmpdir(), 'qbm-alertmanager-'));
    const tokenFile = join(workdir, 'notifier-webhook-token');
    writeFileSync(tokenFile, 'webhook-token-for-the-test');
    const config = readFileSync(join(ROOT, 'deploy/alertmanager/alertmanager.yml'), 'utf8')
      .replaceAll('http://notifier:3002/api/v1/alerts/alertmanager', hookUrl)
      .replaceAll('/etc/alertmanager/secrets/notifier-webhook-token', tokenFile)
      .replace(/group_wait: \d+s/g, 'group_wait: 1s');
    writeFileSync(join(workdir, 'alertmanager.yml'), config);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const alertmanager = spawn(
      BINARY,
      [
        `--config.file=${join(workdir, 'alertmanager.yml')}`,
        `--storage.path=${join(workdir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--cluster.listen-address=',
      ],
      { stdio: 'ignore' },
    );
    try {
      await until('Alertmanager to be ready', async () => (await fetch(`${base}/-/ready`)).ok, 20_000);
      const alert = (labels) => ({
        labels: { service: 'api', instance: 'api-1:3000', ...labels },
        annotations: { summary: labels.alertname },
      });
      const posted = await fetch(`${base}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([
          alert({ alertname: 'DatabaseConnectionHigh', severity: 'critical' }),
          alert({ alertname: 'DatabaseConnectionHigh', severity: 'warning' }),
          alert({ alertname: 'LowCacheHitRate', severity: 'warning' }),
          // A service with no target silences that service's warnings; the Watchdog reaches no webhook.
          alert({ alertname: 'TargetMissing', severity: 'critical', service: 'inference', instance: '' }),
          alert({ alertname: 'AIInferenceSlow', severity: 'warning', service: 'inference', instance: '' }),
          alert({ alertname: 'Watchdog', severity: 'none', service: '', instance: '' }),
        ]),
      });
      assert.equal(posted.status, 200);

      await until('three notifications', async () => received.length >= 3, 20_000);
      // Give an inhibited notification the time it would need to (wrongly) arrive.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      const byReceiver = Object.fromEntries(received.map(({ body }) => [body.receiver, body]));
      assert.deepEqual(Object.keys(byReceiver).sort(), ['qbm-critical', 'qbm-warning']);
      assert.equal(received.length, 3);
      assert.equal(byReceiver['qbm-critical'].version, '4');
      // The notifier's webhook token, from the credentials file.
      assert.deepEqual(
        received.map((r) => r.authorization),
        Array(3).fill('Bearer webhook-token-for-the-test'),
      );
      assert.deepEqual(
        received
          .filter(({ body }) => body.receiver === 'qbm-critical')
          .flatMap(({ body }) => body.alerts.map((a) => [a.labels.alertname, a.labels.severity]))
          .sort(),
        [
          ['DatabaseConnectionHigh', 'critical'],
          ['TargetMissing', 'critical'],
        ],
      );
      assert.deepEqual(
        byReceiver['qbm-warning'].alerts.map((a) => [a.labels.alertname, a.labels.severity]),
        [['LowCacheHitRate', 'warning']],
      );
    } finally {
      alertmanager.kill('SIGTERM');
      await new Promise((resolve) => (alertmanager.exitCode === null ? alertmanager.once('exit', resolve) : resolve()));
      await new Promise((resolve) => webhook.close(resolve));
      rmSync(workdir, { recursive: true, force: true });
    }
  },
);
