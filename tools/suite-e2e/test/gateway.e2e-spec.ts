import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { GatewayProcess } from './harness/gateway-process';
import { send } from './harness/http-client';
import { paths } from './harness/repository-paths';
import { Suite } from './harness/suite';
import { baseEnvironment, SUITE_METRICS_TOKEN, SUITE_WEBHOOK_TOKEN } from './harness/suite-environment';
import { bearer } from './harness/tokens';

// Skipped on a machine without nginx, never in CI (.ci/run installs it).
const describeWithNginx = GatewayProcess.available() || process.env.CI === 'true' ? describe : describe.skip;

// The real nginx, rendered from deploy/gateway/templates, in front of the built API and notifier.
// Each test sends from its own loopback address: the edge limit counts per client address.
describeWithNginx('the gateway in front of the running services', () => {
  let suite: Suite;

  beforeAll(async () => {
    // A small edge limit so the 429 test needs few requests; a small body limit for the 413 one.
    suite = await Suite.start({ gateway: { ratePerSecond: 5, burst: 10, maxBodySize: '16k' } });
  });

  afterAll(async () => {
    await suite?.stop();
  });

  it('forwards /api/v1 to the API and 2xx answers come back', async () => {
    const response = await send(`${suite.gateway.url}/api/v1/objectives?size=5`, {
      headers: bearer('viewer'),
      from: '127.0.0.2',
    });
    expect(response.status).toBe(200);
    expect(response.json()).toHaveProperty('data');
    expect(await suite.gateway.logLineOf(response.headers['x-request-id'])).toMatchObject({
      status: 200,
      upstream: suite.api.address,
      upstream_status: '200',
    });
  });

  it("keeps a caller's request id end to end, and sets one when there is none or it is unsafe", async () => {
    const kept = await send(`${suite.gateway.url}/api/v1/objectives`, {
      headers: { 'x-request-id': 'suite-req-0001' },
      from: '127.0.0.7',
    });
    // The 401 body is the API's: the API received the gateway's id.
    expect(kept.status).toBe(401);
    expect(kept.headers['x-request-id']).toBe('suite-req-0001');
    expect(kept.json()).toMatchObject({ code: 'AUTH.TOKEN_MISSING', requestId: 'suite-req-0001' });

    for (const headers of <Array<Record<string, string>>>[
      {},
      { 'x-request-id': 'a"}{"level":"fatal"' },
      { 'x-request-id': 'short' },
    ]) {
      const response = await send(`${suite.gateway.url}/api/v1/objectives`, { headers, from: '127.0.0.7' });
      const id = response.headers['x-request-id'];
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      expect(response.json().requestId).toBe(id);
      expect(await suite.gateway.logLineOf(id)).toMatchObject({ status: 401, upstream_status: '401' });
    }
  });

  it("forwards the client's address, not one the client claims (the API rate-limits on it)", async () => {
    const response = await send(`${suite.gateway.url}/api/v1/objectives`, {
      headers: { 'x-forwarded-for': '203.0.113.7' },
      from: '127.0.0.4',
    });
    expect(response.status).toBe(401);
    // The API's per-address window (TRUST_PROXY=127.0.0.1) is keyed on the address nginx saw.
    expect(await suite.redis.keys('*rl:ip:127.0.0.4:*')).toHaveLength(1);
    expect(await suite.redis.keys('*rl:ip:203.0.113.7:*')).toEqual([]);
    expect(await suite.redis.keys('*rl:ip:127.0.0.1:*')).toEqual([]);
    expect((await suite.gateway.logLineOf(response.headers['x-request-id'])).remote_addr).toBe('127.0.0.4');
  });

  it('routes the notification history to the notifier, which still demands an admin token', async () => {
    const viewer = await send(`${suite.gateway.url}/api/v1/notifications`, {
      headers: bearer('viewer'),
      from: '127.0.0.8',
    });
    expect(viewer.status).toBe(403);
    expect(viewer.json().code).toBe('AUTH.ROLE_INSUFFICIENT');
    const admin = await send(`${suite.gateway.url}/api/v1/notifications`, {
      headers: bearer('admin'),
      from: '127.0.0.8',
    });
    expect(admin.status).toBe(200);
    expect((await suite.gateway.logLineOf(admin.headers['x-request-id'])).upstream).toBe(suite.notifier.address);
  });

  it('never exposes /metrics, /health/detailed or the webhook, which the services do serve directly', async () => {
    const metrics = { authorization: `Bearer ${SUITE_METRICS_TOKEN}` };
    const webhook = { authorization: `Bearer ${SUITE_WEBHOOK_TOKEN}`, 'content-type': 'application/json' };
    const internal: Array<[string, string, Record<string, string>, string?]> = [
      [suite.api.url, '/metrics', metrics],
      [suite.api.url, '/health/detailed', metrics],
      [suite.notifier.url, '/metrics', metrics],
      [suite.notifier.url, '/api/v1/alerts/alertmanager', webhook, '{}'],
    ];
    for (const [origin, path, headers, body] of internal) {
      const method = body ? 'POST' : 'GET';
      // Served (or at least routed) by the service itself: the gateway's 404 is a real denial.
      const direct = await send(`${origin}${path}`, { method, headers, body });
      expect([200, 400]).toContain(direct.status);
      const denied = await send(`${suite.gateway.url}${path}`, { method, headers, body, from: '127.0.0.9' });
      expect({ path, status: denied.status }).toEqual({ path, status: 404 });
      expect(denied.json()).toMatchObject({ statusCode: 404, code: 'GATEWAY.NOT_ROUTED' });
      expect(denied.text).not.toContain('qbm_');
    }
    for (const path of [
      '/health/ready',
      '/api/v1/../metrics',
      '/docs/../metrics',
      '/api/v1/alerts/../alerts/alertmanager',
    ]) {
      const denied = await send(`${suite.gateway.url}${path}`, { from: '127.0.0.9' });
      expect({ path, status: denied.status }).toEqual({ path, status: 404 });
    }
  });

  it('refuses a body over the limit with a coded 413 before the API sees it', async () => {
    const response = await send(`${suite.gateway.url}/api/v1/objectives`, {
      method: 'POST',
      headers: { ...bearer('editor'), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(32 * 1024), type: 'strategic_goal', priority: 1 }),
      from: '127.0.0.5',
    });
    expect(response.status).toBe(413);
    expect(response.json()).toMatchObject({ statusCode: 413, code: 'GATEWAY.BODY_TOO_LARGE' });
    expect(await suite.gateway.logLineOf(response.headers['x-request-id'])).toMatchObject({
      status: 413,
      upstream: '',
    });
  });

  it('rate-limits a client at the edge with a coded 429, other clients unaffected', async () => {
    const burst = await Promise.all(
      Array.from({ length: 25 }, () =>
        send(`${suite.gateway.url}/api/v1/objectives`, { headers: bearer('viewer'), from: '127.0.0.3' }),
      ),
    );
    const limited = burst.filter((response) => response.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(burst.filter((response) => response.status === 200).length).toBeGreaterThan(0);
    expect(limited[0]?.headers['retry-after']).toBe('1');
    expect(limited[0]?.json()).toMatchObject({ statusCode: 429, code: 'GATEWAY.RATE_LIMITED' });
    const other = await send(`${suite.gateway.url}/api/v1/objectives`, {
      headers: bearer('viewer'),
      from: '127.0.0.6',
    });
    expect(other.status).toBe(200);
  });

  it('is reported healthy by `qbm doctor` (the built CLI) when QBM_GATEWAY_URL names it', async () => {
    // doctor exits 1 when another section fails (this machine's disk, say): only its gateway section matters here.
    const { stdout } = await promisify(execFile)(process.execPath, [paths.cli, 'doctor', '--json'], {
      env: {
        ...baseEnvironment(suite.redisServer.url),
        QBM_API_URL: suite.api.url,
        QBM_GATEWAY_URL: suite.gateway.url,
      },
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as { sections: Array<{ name: string; status: string; reason: string }> };
    expect(report.sections.find((section) => section.name === 'gateway')).toMatchObject({
      status: 'ok',
      reason: 'routes /api/v1 to the API, serves nothing internal',
    });
  });
});
