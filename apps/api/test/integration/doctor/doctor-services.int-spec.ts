import { AddressInfo } from 'node:net';
import { exitCodeFor } from '../../../src/cli/doctor/doctor-report';
import { ServiceTarget } from '../../../src/cli/doctor/doctor.config';
import { runDoctor } from '../../../src/cli/doctor/run-doctor';
import { useTestApp } from '../../setup/use-test-app';
import { closedPort } from './network-stand-ins';
import { doctorSettings, sectionOf, tableOf } from './doctor-test-settings';

describe('qbm doctor: services', () => {
  const t = useTestApp({ truncate: 'never' });
  let apiUrl: string;
  let nowhere: string;

  beforeAll(async () => {
    await t.app.listen(0, '127.0.0.1');
    apiUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    nowhere = `http://127.0.0.1:${await closedPort()}`;
  });

  const services = (inferenceRequired: boolean): ServiceTarget[] => [
    { name: 'api', url: apiUrl, required: true },
    { name: 'inference', url: nowhere, required: inferenceRequired },
    { name: 'notifier', url: nowhere, required: false },
  ];

  it('shows an API listening in-process as ready and healthy, and services not yet built as not running but not counted', async () => {
    const report = await runDoctor(
      doctorSettings({ services: services(false), token: t.token('qbm-doctor', 'admin') }),
    );
    const section = sectionOf(report, 'services');
    const [api, inference, notifier] = tableOf(section, 'services');

    expect(api).toMatchObject({
      service: 'api',
      url: apiUrl,
      required: true,
      state: 'ready',
      http_status: 200,
      detailed: 'healthy',
      version: '0.0.0-test',
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
    // The API's own /health/detailed may report a busy machine as a warning; nothing here fails.
    expect(section.status).not.toBe('fail');
    expect(report.sections.every((s) => s.status !== 'fail')).toBe(true);
    expect(exitCodeFor(report)).toBe(0);
  });

  it('counts a service that is not running once its URL is set', async () => {
    const section = sectionOf(
      await runDoctor(doctorSettings({ services: services(true), token: t.token('qbm-doctor', 'admin') })),
      'services',
    );
    expect(section.status).toBe('fail');
    // The API's own detailed health may add a load warning on a busy machine; the failure leads.
    expect(section.reason.startsWith(`inference not running at ${nowhere}`)).toBe(true);
  });

  it('fails when the API is not running', async () => {
    const report = await runDoctor(doctorSettings({ services: [{ name: 'api', url: nowhere, required: true }] }));
    expect(sectionOf(report, 'services')).toMatchObject({ status: 'fail', reason: `api not running at ${nowhere}` });
    expect(exitCodeFor(report)).toBe(1);
  });

  it('says why /health/detailed could not be read without a token, and warns', async () => {
    const section = sectionOf(
      await runDoctor(doctorSettings({ services: [{ name: 'api', url: apiUrl, required: true }], token: null })),
      'services',
    );
    expect(tableOf(section, 'services')[0]).toMatchObject({
      state: 'ready',
      detailed: 'unavailable: no JWT_SECRET to mint an admin token',
    });
    expect(section).toMatchObject({
      status: 'warn',
      reason: 'api: /health/detailed unavailable (no JWT_SECRET to mint an admin token)',
    });
  });

  it('warns when the token is refused', async () => {
    const section = sectionOf(
      await runDoctor(doctorSettings({ services: [{ name: 'api', url: apiUrl, required: true }], token: 'not-a-jwt' })),
      'services',
    );
    expect(tableOf(section, 'services')[0]).toMatchObject({ state: 'ready', detailed: 'unavailable: HTTP 401' });
    expect(section.status).toBe('warn');
  });
});
