import { createPublicKey, createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../errors/domain-error';
import { AUTH_OPTIONS, AuthOptions } from './auth-options';
import { ORGANIZATION_SLUG, Principal, ROLES, Role } from './principal';
import { VerifiedTokenCache } from './verified-token.cache';

interface QbmClaims {
  sub?: unknown;
  org?: unknown;
  role?: unknown;
  exp?: unknown;
}

// HS256 with the shared secret by default; RS256 against the public key when a gateway signs tokens.
// The key is parsed once into a KeyObject: given a string, jsonwebtoken re-parses it on every
// verification (createPublicKey, then createSecretKey), which cost about a third of a cached read.
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;
  private readonly verifier: JwtService;
  private readonly verified = new VerifiedTokenCache();

  constructor(@Inject(AUTH_OPTIONS) private readonly options: AuthOptions) {
    this.jwt = new JwtService({});
    const { publicKey, secret } = options;
    this.verifier = new JwtService(
      publicKey
        ? { publicKey: createPublicKey(publicKey), verifyOptions: this.verifyOptions('RS256') }
        : {
            secret: secret ? createSecretKey(Buffer.from(secret)) : undefined,
            verifyOptions: this.verifyOptions('HS256'),
          },
    );
  }

  sign(principal: Principal, expiresInSeconds = 12 * 3600): string {
    if (!this.options.secret) throw new Error('Minting tokens needs JWT_SECRET');
    return this.jwt.sign(
      { org: principal.organizationId, role: principal.role },
      {
        secret: this.options.secret,
        algorithm: 'HS256',
        subject: principal.subject,
        issuer: this.options.issuer,
        audience: this.options.audience,
        expiresIn: expiresInSeconds,
      },
    );
  }

  verify(token: string): Principal {
    const known = this.verified.get(token);
    if (known) return known;
    const claims = this.verifyClaims(token);
    const principal = this.principalOf(claims);
    this.verified.set(token, principal, claims.exp);
    return principal;
  }

  private verifyOptions(algorithm: 'HS256' | 'RS256') {
    return { algorithms: [algorithm], issuer: this.options.issuer, audience: this.options.audience };
  }

  private verifyClaims(token: string): QbmClaims {
    try {
      return this.verifier.verify<QbmClaims & object>(token);
    } catch (error) {
      const expired = error instanceof Error && error.name === 'TokenExpiredError';
      throw new DomainError(
        expired ? 'AUTH.TOKEN_EXPIRED' : 'AUTH.TOKEN_INVALID',
        'unauthenticated',
        expired ? 'The bearer token has expired' : 'The bearer token is invalid',
      );
    }
  }

  private principalOf(claims: QbmClaims): Principal {
    const { sub, org, role } = claims;
    if (
      typeof sub !== 'string' ||
      sub.length === 0 ||
      sub.length > 120 ||
      typeof org !== 'string' ||
      !ORGANIZATION_SLUG.test(org)
    ) {
      throw new DomainError(
        'AUTH.TOKEN_INVALID',
        'unauthenticated',
        'The bearer token lacks a subject or organisation',
      );
    }
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
      throw new DomainError('AUTH.TOKEN_INVALID', 'unauthenticated', 'The bearer token carries no known role');
    }
    return { organizationId: org, subject: sub, role: role as Role };
  }
}
