import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE } from '@qbm/observability';
import { DomainError } from '../errors/domain-error';
import { bearerToken } from './bearer-token';
import { AuthenticatedRequest } from './current-principal.decorator';
import { Principal, Role, roleAtLeast } from './principal';
import { TokenService } from './token.service';

// Viewer to read, editor to write, admin to delete. The API's cached-read fast path asks the same.
export function requiredRole(method: string): Role {
  if (method === 'GET' || method === 'HEAD') return 'viewer';
  if (method === 'DELETE') return 'admin';
  return 'editor';
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // An earlier guard (the API's rate limiter) may already have verified a valid token; otherwise
    // verify here, where a missing or bad token becomes its coded 401.
    const principal = request.principal ?? this.verify(request.headers.authorization);
    const required = requiredRole(request.method);
    if (!roleAtLeast(principal.role, required)) {
      throw new DomainError('AUTH.ROLE_INSUFFICIENT', 'forbidden', `This action needs the ${required} role`);
    }
    request.principal = principal;
    return true;
  }

  private verify(header: string | undefined): Principal {
    const token = bearerToken(header);
    if (!token) throw new DomainError('AUTH.TOKEN_MISSING', 'unauthenticated', 'A bearer token is required');
    return this.tokens.verify(token);
  }
}
