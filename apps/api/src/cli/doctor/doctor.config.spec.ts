import { ConfigError } from '@qbm/config';
import { DoctorConfig } from './doctor.config';

describe('DoctorConfig', () => {
  it('looks for every service by default but requires only the API, on API_PORT', () => {
    const config = DoctorConfig.fromEnvironment({}, { apiPort: 3100, isTty: true });
    expect(config.services).toEqual([
      { name: 'api', url: 'http://127.0.0.1:3100', required: true },
      { name: 'inference', url: 'http://127.0.0.1:3001', required: false },
      { name: 'notifier', url: 'http://127.0.0.1:3002', required: false },
    ]);
    expect(config.color).toBe(true);
  });

  it('requires a service whose URL is set explicitly', () => {
    const config = DoctorConfig.fromEnvironment(
      { QBM_INFERENCE_URL: 'http://inference:8080/' },
      { apiPort: 3000, isTty: false },
    );
    expect(config.services[1]).toEqual({ name: 'inference', url: 'http://inference:8080', required: true });
  });

  it("reads the API's detailed health on its metrics port when METRICS_PORT is set", () => {
    const local = DoctorConfig.fromEnvironment({}, { apiPort: 3000, apiMetricsPort: 9464, isTty: false });
    expect(local.services[0]).toEqual({
      name: 'api',
      url: 'http://127.0.0.1:3000',
      required: true,
      opsUrl: 'http://127.0.0.1:9464',
    });
    const remote = DoctorConfig.fromEnvironment(
      { QBM_API_URL: 'http://api:3000/' },
      { apiPort: 3000, apiMetricsPort: 9464, isTty: false },
    );
    expect(remote.services[0]?.opsUrl).toBe('http://api:9464');
    expect(remote.services[1]?.opsUrl).toBeUndefined();
  });

  it('names every bad URL at once', () => {
    const parse = (): DoctorConfig =>
      DoctorConfig.fromEnvironment(
        { QBM_API_URL: 'nope', QBM_NOTIFIER_URL: 'ftp://x' },
        { apiPort: 3000, isTty: false },
      );
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/QBM_API_URL[\s\S]*QBM_NOTIFIER_URL/);
  });

  it('has no colours off a terminal or with NO_COLOR', () => {
    expect(DoctorConfig.fromEnvironment({}, { apiPort: 3000, isTty: false }).color).toBe(false);
    expect(DoctorConfig.fromEnvironment({ NO_COLOR: '1' }, { apiPort: 3000, isTty: true }).color).toBe(false);
  });
});
