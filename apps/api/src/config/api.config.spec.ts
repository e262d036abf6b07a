import { ApiConfig, ConfigError } from './api.config';

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
});
