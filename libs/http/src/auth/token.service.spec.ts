import { generateKeyPairSync } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../errors/domain-error';
import { AuthOptions } from './auth-options';
import { TokenService } from './token.service';
import { VerifiedTokenCache } from './verified-token.cache';

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

describe('TokenService verified-token cache', () => {
  afterEach(() => jest.useRealTimers());

  it('refuses a token it verified before once its exp has passed', () => {
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const service = new TokenService(options({ secret: SECRET }));
    const token = service.sign({ organizationId: 'acme', subject: 's', role: 'viewer' }, 60);
    expect(service.verify(token)).toEqual({ organizationId: 'acme', subject: 's', role: 'viewer' });
    jest.setSystemTime(new Date('2026-01-01T00:00:59Z'));
    expect(service.verify(token).role).toBe('viewer');
    jest.setSystemTime(new Date('2026-01-01T00:01:00Z'));
    expect(codeOf(() => service.verify(token))).toBe('AUTH.TOKEN_EXPIRED');
  });

  it('never answers for a token that differs from a verified one, even in the signature only', () => {
    const service = new TokenService(options({ secret: SECRET }));
    const token = service.sign({ organizationId: 'acme', subject: 's', role: 'admin' });
    service.verify(token);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(codeOf(() => service.verify(`${token.slice(0, -1)}${last}`))).toBe('AUTH.TOKEN_INVALID');
  });
});

describe('VerifiedTokenCache', () => {
  const principal = { organizationId: 'acme', subject: 's', role: 'viewer' } as const;

  it('keeps at most its capacity, dropping the oldest entry first', () => {
    const cache = new VerifiedTokenCache(2);
    cache.set('a', principal, undefined);
    cache.set('b', principal, undefined);
    cache.set('c', principal, undefined);
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe(principal);
    expect(cache.get('c')).toBe(principal);
  });

  it('forgets an entry from the second of its exp on', () => {
    const cache = new VerifiedTokenCache();
    cache.set('a', principal, 100);
    expect(cache.get('a', 99_999)).toBe(principal);
    expect(cache.get('a', 100_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
