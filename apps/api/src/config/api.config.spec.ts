import { ConfigError } from '@qbm/config';
import { ApiConfig } from './api.config';

describe('ApiConfig', () => {
  const secret = 'x'.repeat(32);

  it('applies the documented defaults', () => {
    const config = ApiConfig.fromEnvironment({ JWT_SECRET: secret });
    expect(config.port).toBe(3000);
    expect(config.database.url).toBe('postgres://postgres@127.0.0.1:5432/qbm');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.database.slowQueryMs).toBe(100);
  });

  it('reports every bad variable at once', () => {
    let caught: unknown;
    try {
      ApiConfig.fromEnvironment({ API_PORT: 'seventy', DATABASE_URL: 'nope', LOG_LEVEL: 'loud' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const names = (caught as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(names).toEqual(expect.arrayContaining(['API_PORT', 'DATABASE_URL', 'LOG_LEVEL', 'JWT_SECRET']));
  });

  it('reads TRUST_PROXY as a flag, a hop count or a list of addresses', () => {
    expect(ApiConfig.fromEnvironment({ JWT_SECRET: secret }).trustProxy).toBe(false);
    expect(ApiConfig.fromEnvironment({ JWT_SECRET: secret, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(ApiConfig.fromEnvironment({ JWT_SECRET: secret, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
    expect(() => ApiConfig.fromEnvironment({ JWT_SECRET: secret, TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });

  it('refuses a public /metrics in production', () => {
    expect(() => ApiConfig.fromEnvironment({ JWT_SECRET: secret, NODE_ENV: 'production' })).toThrow(/METRICS_TOKEN/);
    expect(
      ApiConfig.fromEnvironment({ JWT_SECRET: secret, NODE_ENV: 'production', METRICS_PORT: '9464' }).metrics.port,
    ).toBe(9464);
    expect(ApiConfig.fromEnvironment({ JWT_SECRET: secret, NODE_ENV: 'production' }, '1.0.0', 'cli').env).toBe(
      'production',
    );
  });

  it('accepts a public key instead of a secret', () => {
    const config = ApiConfig.fromEnvironment({ JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----' });
    expect(config.jwt.secret).toBeUndefined();
  });

  it('applies the defaults of every variable the API reads', () => {
    const config = ApiConfig.fromEnvironment({ JWT_SECRET: secret }, '1.2.3');
    expect(config).toEqual({
      env: 'development',
      host: '0.0.0.0',
      port: 3000,
      database: { url: 'postgres://postgres@127.0.0.1:5432/qbm', poolMax: 10, slowQueryMs: 100 },
      redisUrl: 'redis://127.0.0.1:6379',
      jwt: { secret, publicKey: undefined, issuer: 'qbm', audience: 'qbm-api' },
      log: { level: 'info', pretty: true, dir: undefined },
      metrics: { token: undefined, port: undefined, host: '0.0.0.0' },
      rateLimitPerMinute: 600,
      cacheEnabled: true,
      cacheFastPath: true,
      requestInstrumentation: true,
      requirementOverdueScanSeconds: 60,
      shutdownGraceMs: 10_000,
      trustProxy: false,
      version: '1.2.3',
    });
  });

  it('treats an empty variable as unset', () => {
    const config = ApiConfig.fromEnvironment({ JWT_SECRET: secret, API_PORT: '', LOG_PRETTY: '', METRICS_TOKEN: '' });
    expect(config.port).toBe(3000);
    expect(config.log.pretty).toBe(true);
    expect(config.metrics.token).toBeUndefined();
    expect(() => ApiConfig.fromEnvironment({ JWT_SECRET: '' })).toThrow(/JWT_SECRET: required/);
  });

  it('reports schema problems and the cross-variable rules together, with their messages', () => {
    let caught: unknown;
    try {
      ApiConfig.fromEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'short', CACHE_ENABLED: 'yes' });
    } catch (error) {
      caught = error;
    }
    expect((caught as ConfigError).problems).toEqual([
      'JWT_SECRET: must be at least 32 characters',
      "CACHE_ENABLED: Invalid enum value. Expected 'true' | 'false' | '1' | '0', received 'yes'",
      'METRICS_TOKEN: /metrics may not be public in production: set METRICS_TOKEN or METRICS_PORT',
    ]);
  });

  it('reads the service flags and limits', () => {
    const config = ApiConfig.fromEnvironment({
      JWT_SECRET: secret,
      CACHE_ENABLED: '0',
      REQUEST_INSTRUMENTATION: 'false',
      RATE_LIMIT_PER_MINUTE: '30',
      SHUTDOWN_GRACE_MS: '0',
      LOG_DIR: '/var/log/qbm',
    });
    expect(config).toMatchObject({
      cacheEnabled: false,
      requestInstrumentation: false,
      rateLimitPerMinute: 30,
      shutdownGraceMs: 0,
      log: { dir: '/var/log/qbm' },
    });
  });
});
