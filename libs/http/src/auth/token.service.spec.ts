import { generateKeyPairSync } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../errors/domain-error';
import { AuthOptions } from './auth-options';
import { TokenService } from './token.service';

const SECRET = 'a'.repeat(40);

function options(keys: Pick<AuthOptions, 'secret' | 'publicKey'>): AuthOptions {
  return { ...keys, issuer: 'qbm', audience: 'qbm-api' };
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? error.code : `not a domain error: ${String(error)}`;
  }
  return undefined;
}

describe('TokenService', () => {
  const hs = new TokenService(options({ secret: SECRET }));

  it('round-trips an HS256 token to the principal it was minted for', () => {
    const token = hs.sign({ organizationId: 'acme', subject: 'lee@acme', role: 'editor' });
    expect(hs.verify(token)).toEqual({ organizationId: 'acme', subject: 'lee@acme', role: 'editor' });
  });

  it('refuses tokens signed with another secret, expired, or for another audience', () => {
    const other = new TokenService(options({ secret: 'b'.repeat(40) }));
    expect(codeOf(() => hs.verify(other.sign({ organizationId: 'acme', subject: 's', role: 'admin' })))).toBe(
      'AUTH.TOKEN_INVALID',
    );
    const expired = new JwtService({}).sign(
      { org: 'acme', role: 'admin', exp: Math.floor(Date.now() / 1000) - 10 },
      { secret: SECRET, subject: 's', issuer: 'qbm', audience: 'qbm-api' },
    );
    expect(codeOf(() => hs.verify(expired))).toBe('AUTH.TOKEN_EXPIRED');
    const wrongAudience = new JwtService({}).sign(
      { org: 'acme', role: 'admin' },
      { secret: SECRET, subject: 's', issuer: 'qbm', audience: 'elsewhere' },
    );
    expect(codeOf(() => hs.verify(wrongAudience))).toBe('AUTH.TOKEN_INVALID');
  });

  it('refuses tokens without a known role, a slug organisation or a short subject', () => {
    const sign = (claims: object, subject = 's') =>
      new JwtService({}).sign(claims, { secret: SECRET, subject, issuer: 'qbm', audience: 'qbm-api' });
    expect(codeOf(() => hs.verify(sign({ org: 'acme', role: 'owner' })))).toBe('AUTH.TOKEN_INVALID');
    expect(codeOf(() => hs.verify(sign({ org: 'Acme Corp', role: 'admin' })))).toBe('AUTH.TOKEN_INVALID');
    expect(codeOf(() => hs.verify(sign({ org: 'acme', role: 'admin' }, 'x'.repeat(121))))).toBe('AUTH.TOKEN_INVALID');
  });

  it('verifies RS256 tokens against a configured public key and refuses HS256 ones then', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const rs = new TokenService(options({ publicKey: pem }));
    const gatewayToken = new JwtService({}).sign(
      { org: 'acme', role: 'viewer' },
      {
        privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        algorithm: 'RS256',
        subject: 'gw',
        issuer: 'qbm',
        audience: 'qbm-api',
      },
    );
    expect(rs.verify(gatewayToken)).toEqual({ organizationId: 'acme', subject: 'gw', role: 'viewer' });
    expect(codeOf(() => rs.verify(hs.sign({ organizationId: 'acme', subject: 's', role: 'admin' })))).toBe(
      'AUTH.TOKEN_INVALID',
    );
  });
});
