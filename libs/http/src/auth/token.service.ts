import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../errors/domain-error';
import { AUTH_OPTIONS, AuthOptions } from './auth-options';
import { ORGANIZATION_SLUG, Principal, ROLES, Role } from './principal';

interface QbmClaims {
  sub?: unknown;
  org?: unknown;
  role?: unknown;
}

// HS256 with the shared secret by default; RS256 against the public key when a gateway signs tokens.
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(@Inject(AUTH_OPTIONS) private readonly options: AuthOptions) {
    this.jwt = new JwtService({});
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
    let claims: QbmClaims;
    try {
      const { publicKey, secret, issuer, audience } = this.options;
      claims = publicKey
        ? this.jwt.verify<QbmClaims & object>(token, { publicKey, algorithms: ['RS256'], issuer, audience })
        : this.jwt.verify<QbmClaims & object>(token, { secret, algorithms: ['HS256'], issuer, audience });
    } catch (error) {
      const expired = error instanceof Error && error.name === 'TokenExpiredError';
      throw new DomainError(
        expired ? 'AUTH.TOKEN_EXPIRED' : 'AUTH.TOKEN_INVALID',
        'unauthenticated',
        expired ? 'The bearer token has expired' : 'The bearer token is invalid',
      );
    }
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
