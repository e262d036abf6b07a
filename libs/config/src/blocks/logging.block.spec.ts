import { z } from 'zod';
import { parseEnvironment } from '../parse-environment';
import { loggingBlock, loggingSettings } from './logging.block';
import { nodeEnvBlock } from './node-env.block';

describe('loggingBlock', () => {
  const schema = z.object({ ...nodeEnvBlock, ...loggingBlock });
  const settings = (env: Record<string, string>) => loggingSettings(parseEnvironment(schema, env));

  it('logs pretty lines in development only, unless LOG_PRETTY says otherwise', () => {
    expect(settings({})).toEqual({ level: 'info', pretty: true, dir: undefined });
    expect(settings({ NODE_ENV: 'production' }).pretty).toBe(false);
    expect(settings({ NODE_ENV: 'production', LOG_PRETTY: '1' }).pretty).toBe(true);
    expect(settings({ LOG_PRETTY: 'false' }).pretty).toBe(false);
  });

  it('refuses an unknown level', () => {
    expect(() => settings({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
