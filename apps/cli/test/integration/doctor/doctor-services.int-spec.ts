import { freePort } from '@qbm/testing';
import { ServiceTarget } from '../../../src/config/service-targets';
import { exitCodeFor } from '../../../src/doctor/doctor-report';
import { runDoctor } from '../../../src/doctor/run-doctor';
import { doctorSettings, sectionOf, tableOf } from '../support/doctor-test-settings';
import { closedPort } from '../support/network-stand-ins';
import { OPS_SERVICE_VERSION, OpsService, startOpsService } from '../support/ops-service';

describe('qbm doctor: services', () => {
  let service: OpsService;
  let apiUrl: string;
  let nowhere: string;

  beforeAll(async () => {
    service = await startOpsService();
    apiUrl = service.url;
    nowhere = `http://127.0.0.1:${await closedPort()}`;
  });
  afterAll(() => service.close());

  const services = (inferenceRequired: boolean): ServiceTarget[] => [
    { name: 'api', url: apiUrl, required: true },
    { name: 'inference', url: nowhere, required: inferenceRequired },
    { name: 'notifier', url: nowhere, required: false },
  ];

  it('shows a service listening in-process as ready and healthy, and services not yet built as not running but not counted', async () => {
    // No METRICS_TOKEN in this app: /health/detailed is open, as in development.
    const report = await runDoctor(doctorSettings({ services: services(false) }));
    const section = sectionOf(report, 'services');
    const [api, inference, notifier] = tableOf(section, 'services');

    expect(api).toMatchObject({
      service: 'api',
      url: apiUrl,
      required: true,
      state: 'ready',
      http_status: 200,
      detailed: 'healthy',
      version: OPS_SERVICE_VERSION,
    });
    expect(api?.ready_ms).toEqual(expect.any(Number));
    expect(inference).toMatchObject({
      service: 'inference',
      required: false,
      state: 'not running',
      http_status: null,
      detailed: null,
    });
    expect(notifier).toMatchObject({ service: 'notifier', state: 'not running' });
    expect(section.figures).toEqual({ services: 3, ready: 1, not_running: 2 });
    expect(section.notes).toEqual([
      `inference is not running at ${nowhere}: not counted, as QBM_INFERENCE_URL is not set`,
      `notifier is not running at ${nowhere}: not counted, as QBM_NOTIFIER_URL is not set`,
    ]);
    // The service's own /health/detailed may report a busy machine as a warning; nothing here fails.
    expect(section.status).not.toBe('fail');
    expect(report.sections.every((s) => s.status !== 'fail')).toBe(true);
    expect(exitCodeFor(report)).toBe(0);
  });

  it('counts a service that is not running once its URL is set', async () => {
    const section = sectionOf(await runDoctor(doctorSettings({ services: services(true) })), 'services');
    expect(section.status).toBe('fail');
    // The service's own detailed health may add a load warning on a busy machine; the failure leads.
    expect(section.reason.startsWith(`inference not running at ${nowhere}`)).toBe(true);
  });

  it('fails when the API is not running', async () => {
    const report = await runDoctor(doctorSettings({ services: [{ name: 'api', url: nowhere, required: true }] }));
    expect(sectionOf(report, 'services')).toMatchObject({ status: 'fail', reason: `api not running at ${nowhere}` });
    expect(exitCodeFor(report)).toBe(1);
  });
});

describe('qbm doctor: detailed health behind the ops token', () => {
  const OPS_TOKEN = 'doctor-ops-token-0123456789';
  let service: OpsService;
  let api: ServiceTarget[];

  beforeAll(async () => {
    service = await startOpsService({ metricsToken: OPS_TOKEN });
    api = [{ name: 'api', url: service.url, required: true }];
  });
  afterAll(() => service.close());

  it('reads it with METRICS_TOKEN', async () => {
    const section = sectionOf(await runDoctor(doctorSettings({ services: api, opsToken: OPS_TOKEN })), 'services');
    expect(tableOf(section, 'services')[0]).toMatchObject({
      state: 'ready',
      detailed: 'healthy',
      version: OPS_SERVICE_VERSION,
    });
  });

  it('says why it could not be read without the token, and warns', async () => {
    const section = sectionOf(await runDoctor(doctorSettings({ services: api })), 'services');
    const unavailable = 'HTTP 401: the service wants the ops token and METRICS_TOKEN is not set';
    expect(tableOf(section, 'services')[0]).toMatchObject({ state: 'ready', detailed: `unavailable: ${unavailable}` });
    expect(section).toMatchObject({ status: 'warn', reason: `api: /health/detailed unavailable (${unavailable})` });
  });

  it('warns when the token is refused', async () => {
    const section = sectionOf(
      await runDoctor(doctorSettings({ services: api, opsToken: 'not-the-ops-token' })),
      'services',
    );
    expect(tableOf(section, 'services')[0]).toMatchObject({ state: 'ready', detailed: 'unavailable: HTTP 401' });
    expect(section.status).toBe('warn');
  });
});

describe('qbm doctor: detailed health on the metrics port', () => {
  let metricsPort: number;
  let service: OpsService;
  beforeAll(async () => {
    metricsPort = await freePort();
    service = await startOpsService({ metricsPort });
  });
  afterAll(() => service.close());

  it('reads it on the ops URL, where the public port answers 404', async () => {
    const url = service.url;
    const onOpsPort = sectionOf(
      await runDoctor(
        doctorSettings({ services: [{ name: 'api', url, required: true, opsUrl: `http://127.0.0.1:${metricsPort}` }] }),
      ),
      'services',
    );
    expect(tableOf(onOpsPort, 'services')[0]).toMatchObject({ state: 'ready', detailed: 'healthy' });
    const onPublicPort = sectionOf(
      await runDoctor(doctorSettings({ services: [{ name: 'api', url, required: true }] })),
      'services',
    );
    expect(tableOf(onPublicPort, 'services')[0]).toMatchObject({ detailed: 'unavailable: HTTP 404' });
  });
});
