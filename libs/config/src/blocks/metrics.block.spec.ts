import { z } from 'zod';
import { parseEnvironment } from '../parse-environment';
import { metricsBlock, metricsNotPublicInProduction, metricsSettings } from './metrics.block';
import { nodeEnvBlock } from './node-env.block';

describe('metricsBlock', () => {
  const schema = z.object({ ...nodeEnvBlock, ...metricsBlock });
  const parse = (env: Record<string, string>) => parseEnvironment(schema, env, [metricsNotPublicInProduction]);

  it('serves /metrics on the main port without a token by default outside production', () => {
    expect(metricsSettings(parse({}))).toEqual({ token: undefined, port: undefined, host: '0.0.0.0' });
  });

  it('refuses a public /metrics in production, and accepts a token or an internal port', () => {
    expect(() => parse({ NODE_ENV: 'production' })).toThrow(
      'METRICS_TOKEN: /metrics may not be public in production: set METRICS_TOKEN or METRICS_PORT',
    );
    expect(parse({ NODE_ENV: 'production', METRICS_PORT: '9464' }).METRICS_PORT).toBe(9464);
    expect(parse({ NODE_ENV: 'production', METRICS_TOKEN: 't'.repeat(16) }).METRICS_TOKEN).toHaveLength(16);
  });

  it('refuses a short token', () => {
    expect(() => parse({ METRICS_TOKEN: 'short' })).toThrow('METRICS_TOKEN: must be at least 16 characters');
  });
});
