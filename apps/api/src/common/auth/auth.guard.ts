import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE } from '@qbm/observability';
import { DomainError } from '../errors/domain-error';
import { AuthenticatedRequest } from './current-principal.decorator';
import { Role, roleAtLeast } from './principal';
import { REQUIRED_ROLE } from './require-role.decorator';
import { TokenService } from './token.service';

function defaultRole(method: string): Role {
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
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) {
      throw new DomainError('AUTH.TOKEN_MISSING', 'unauthenticated', 'A bearer token is required');
    }
    const principal = this.tokens.verify(match[1]);
    const required = this.reflector.getAllAndOverride<Role>(REQUIRED_ROLE, targets) ?? defaultRole(request.method);
    if (!roleAtLeast(principal.role, required)) {
      throw new DomainError('AUTH.ROLE_INSUFFICIENT', 'forbidden', `This action needs the ${required} role`);
    }
    request.principal = principal;
    return true;
  }
}
