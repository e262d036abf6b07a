import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PublicRoute } from '@qbm/observability';
import { DomainError } from '../errors/domain-error';
import { AuthGuard } from './auth.guard';
import { AuthenticatedRequest } from './current-principal.decorator';
import { Principal, Role } from './principal';
import { TokenService } from './token.service';

const tokens = new TokenService({ secret: 's'.repeat(32), issuer: 'qbm', audience: 'qbm-api' });
const guard = new AuthGuard(new Reflector(), tokens);

class Routes {
  @PublicRoute() health(): void {}
  secured(): void {}
}

function contextFor(request: Partial<AuthenticatedRequest>, handler: () => void = Routes.prototype.secured) {
  const full = { headers: {}, method: 'GET', ...request } as AuthenticatedRequest;
  const context = {
    getHandler: () => handler,
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => full }),
  } as unknown as ExecutionContext;
  return { context, request: full };
}

function bearerFor(role: Role): Record<string, string> {
  return { authorization: `Bearer ${tokens.sign({ organizationId: 'acme', subject: 'lee', role })}` };
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
  return undefined;
}

describe('AuthGuard', () => {
  it('lets public routes through without a token', () => {
    expect(guard.canActivate(contextFor({}, Routes.prototype.health).context)).toBe(true);
  });

  it('needs a bearer token elsewhere and puts the verified principal on the request', () => {
    expect(codeOf(() => guard.canActivate(contextFor({}).context))).toBe('AUTH.TOKEN_MISSING');
    expect(codeOf(() => guard.canActivate(contextFor({ headers: { authorization: 'Bearer x' } }).context))).toBe(
      'AUTH.TOKEN_INVALID',
    );
    const { context, request } = contextFor({ headers: bearerFor('viewer') });
    expect(guard.canActivate(context)).toBe(true);
    expect(request.principal).toEqual({ organizationId: 'acme', subject: 'lee', role: 'viewer' });
  });

  it('needs viewer to read, editor to write and admin to delete', () => {
    const allowed = (method: string, role: Role) =>
      codeOf(() => guard.canActivate(contextFor({ method, headers: bearerFor(role) }).context)) ?? 'allowed';
    expect(allowed('GET', 'viewer')).toBe('allowed');
    expect(allowed('POST', 'viewer')).toBe('AUTH.ROLE_INSUFFICIENT');
    expect(allowed('PATCH', 'editor')).toBe('allowed');
    expect(allowed('DELETE', 'editor')).toBe('AUTH.ROLE_INSUFFICIENT');
    expect(allowed('DELETE', 'admin')).toBe('allowed');
  });

  it('reuses a principal an earlier guard verified', () => {
    const principal: Principal = { organizationId: 'acme', subject: 'gw', role: 'admin' };
    const { context, request } = contextFor({ method: 'DELETE', principal });
    expect(guard.canActivate(context)).toBe(true);
    expect(request.principal).toBe(principal);
  });
});
