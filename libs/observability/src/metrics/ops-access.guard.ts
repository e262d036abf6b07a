import { createHash, timingSafeEqual } from 'node:crypto';
import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from '../observability-options';

interface RequestWithHeaders {
  headers: Record<string, string | string[] | undefined>;
}

// The operations endpoints (/metrics, /health/detailed) are not public. With a metrics port
// configured, the app's own port does not serve them at all; otherwise, with a metrics token
// configured, callers present it as a bearer token; with neither (development, tests) they are open.
@Injectable()
export class OpsAccessGuard implements CanActivate {
  constructor(@Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.options.metricsPort !== undefined) throw new NotFoundException();
    if (!this.options.metricsToken) return true;
    const header = context.switchToHttp().getRequest<RequestWithHeaders>().headers.authorization;
    if (opsTokenMatches(header, this.options.metricsToken)) return true;
    throw new UnauthorizedException('A valid metrics token is required');
  }
}

export function opsTokenMatches(header: string | string[] | undefined, token: string): boolean {
  const match = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header) : null;
  // Comparing fixed-length digests keeps the check constant-time whatever the input length.
  return Boolean(match?.[1] && timingSafeEqual(digest(match[1]), digest(token)));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
