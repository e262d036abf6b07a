import { ConfigError } from '@qbm/config';
import { CliConfig } from './cli.config';

describe('CliConfig', () => {
  it('looks for every service by default but requires only the API, on API_PORT', () => {
    expect(CliConfig.fromEnvironment({ API_PORT: '3100' }).services).toEqual([
      { name: 'api', url: 'http://127.0.0.1:3100', required: true },
      { name: 'inference', url: 'http://127.0.0.1:3001', required: false },
      { name: 'notifier', url: 'http://127.0.0.1:3002', required: false },
    ]);
  });

  it('requires a service whose URL or ops URL is set, and reads detailed health on its ops URL', () => {
    const { services } = CliConfig.fromEnvironment({
      QBM_INFERENCE_URL: 'http://inference:8080/',
      QBM_NOTIFIER_OPS_URL: 'http://notifier:9464/',
      NOTIFIER_PORT: '4002',
    });
    expect(services[1]).toEqual({ name: 'inference', url: 'http://inference:8080', required: true });
    expect(services[2]).toEqual({
      name: 'notifier',
      url: 'http://127.0.0.1:4002',
      required: true,
      opsUrl: 'http://notifier:9464',
    });
  });

  it("reads the API's detailed health on its metrics port when METRICS_PORT is set, unless QBM_API_OPS_URL says where", () => {
    expect(CliConfig.fromEnvironment({ METRICS_PORT: '9464' }).services[0]).toEqual({
      name: 'api',
      url: 'http://127.0.0.1:3000',
      required: true,
      opsUrl: 'http://127.0.0.1:9464',
    });
    const remote = CliConfig.fromEnvironment({ QBM_API_URL: 'http://api:3000/', METRICS_PORT: '9464' });
    expect(remote.services[0]?.opsUrl).toBe('http://api:9464');
    expect(remote.services[1]?.opsUrl).toBeUndefined();
    const given = CliConfig.fromEnvironment({ METRICS_PORT: '9464', QBM_API_OPS_URL: 'http://ops.local:9000' });
    expect(given.services[0]?.opsUrl).toBe('http://ops.local:9000');
  });

  it('names every bad variable at once', () => {
    const parse = (): CliConfig =>
      CliConfig.fromEnvironment({ QBM_API_URL: 'nope', QBM_NOTIFIER_OPS_URL: 'ftp://x', API_PORT: '0' });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/API_PORT[\s\S]*QBM_API_URL: must be an http or https URL[\s\S]*QBM_NOTIFIER_OPS_URL/);
  });

  it('needs a JWT key only for the commands that sign', () => {
    expect(CliConfig.fromEnvironment({}).jwt.secret).toBeUndefined();
    expect(() => CliConfig.fromEnvironment({}, ['jwt'])).toThrow(/JWT_SECRET: required/);
  });

  it('takes the ops token and NO_COLOR from the environment', () => {
    const config = CliConfig.fromEnvironment({ METRICS_TOKEN: 'ops-token-0123456789', NO_COLOR: '1' });
    expect(config).toMatchObject({ opsToken: 'ops-token-0123456789', noColor: true });
    expect(CliConfig.fromEnvironment({})).toMatchObject({ opsToken: null, noColor: false });
  });
});
