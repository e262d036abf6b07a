import { z } from 'zod';
import { parseEnvironment } from '../parse-environment';
import { jwtBlock, jwtKeyRequired, jwtSettings } from './jwt.block';

describe('jwtBlock', () => {
  const schema = z.object(jwtBlock);
  const parse = (env: Record<string, string>) => jwtSettings(parseEnvironment(schema, env, [jwtKeyRequired]));

  it('needs a secret or a public key', () => {
    expect(() => parse({})).toThrow('JWT_SECRET: required (or JWT_PUBLIC_KEY for RS256)');
    expect(parse({ JWT_PUBLIC_KEY: 'pem' })).toEqual({
      secret: undefined,
      publicKey: 'pem',
      issuer: 'qbm',
      audience: 'qbm-api',
    });
  });

  it('refuses a secret shorter than 32 characters', () => {
    expect(() => parse({ JWT_SECRET: 'short' })).toThrow('JWT_SECRET: must be at least 32 characters');
  });
});
