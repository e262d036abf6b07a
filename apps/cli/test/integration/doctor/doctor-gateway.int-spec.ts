import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runDoctor } from '../../../src/doctor/run-doctor';
import { doctorSettings, sectionOf, tableOf } from '../support/doctor-test-settings';
import { closedPort } from '../support/network-stand-ins';

type Answer = { status: number; body: Record<string, unknown> };

// A stand-in gateway answering each path as scripted (the real nginx is exercised by @qbm/suite-e2e).
async function gatewayStandIn(answer: (path: string) => Answer): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const { status, body } = answer(request.url ?? '/');
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const notRouted: Answer = { status: 404, body: { statusCode: 404, code: 'GATEWAY.NOT_ROUTED', requestId: 'r-0001' } };
const apiUnauthenticated: Answer = {
  status: 401,
  body: { statusCode: 401, code: 'AUTH.TOKEN_MISSING', requestId: 'r-0002' },
};

describe('qbm doctor: the gateway', () => {
  it('is left out unless QBM_GATEWAY_URL names it', async () => {
    const report = await runDoctor(doctorSettings());
    expect(report.sections.map((section) => section.name)).not.toContain('gateway');
  });

  it('passes a gateway that routes /api/v1 to the API and serves nothing internal', async () => {
    const gateway = await gatewayStandIn((path) =>
      path.startsWith('/api/v1/objectives') ? apiUnauthenticated : notRouted,
    );
    try {
      const section = sectionOf(await runDoctor(doctorSettings({ gatewayUrl: gateway.url })), 'gateway');
      expect(section.status).toBe('ok');
      expect(section.figures).toMatchObject({ url: gateway.url, api_status: 401 });
      expect(tableOf(section, 'routes').map((row) => [row.path, row.code])).toEqual([
        ['/api/v1/objectives', 'AUTH.TOKEN_MISSING'],
        ['/metrics', 'GATEWAY.NOT_ROUTED'],
        ['/health/detailed', 'GATEWAY.NOT_ROUTED'],
        ['/api/v1/alerts/alertmanager', 'GATEWAY.NOT_ROUTED'],
      ]);
    } finally {
      await gateway.close();
    }
  });

  it('fails a gateway that serves /metrics, or whose API is unreachable', async () => {
    const gateway = await gatewayStandIn((path) =>
      path === '/metrics'
        ? { status: 200, body: { code: 'served' } }
        : path.startsWith('/api/v1/objectives')
          ? { status: 503, body: { statusCode: 503, code: 'GATEWAY.UPSTREAM_UNAVAILABLE', requestId: 'r-0003' } }
          : notRouted,
    );
    try {
      const section = sectionOf(await runDoctor(doctorSettings({ gatewayUrl: gateway.url })), 'gateway');
      expect(section.status).toBe('fail');
      expect(section.reason).toContain('/metrics is served through the gateway (200)');
      expect(section.reason).toContain('/api/v1/objectives answered 503');
    } finally {
      await gateway.close();
    }
  });

  it('fails when nothing answers at the URL', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const section = sectionOf(await runDoctor(doctorSettings({ gatewayUrl: url })), 'gateway');
    expect(section.status).toBe('fail');
    expect(section.reason).toContain(`no answer at ${url}`);
  });
});
