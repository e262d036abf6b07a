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

// /metrics is not public: with a token configured, scrapers must present it as a bearer token;
// with a metrics port configured, the app's own port does not serve it at all.
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  constructor(@Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.options.metricsPort !== undefined) throw new NotFoundException();
    if (!this.options.metricsToken) return true;
    const header = context.switchToHttp().getRequest<RequestWithHeaders>().headers.authorization;
    if (metricsTokenMatches(header, this.options.metricsToken)) return true;
    throw new UnauthorizedException('A valid metrics token is required');
  }
}

export function metricsTokenMatches(header: string | string[] | undefined, token: string): boolean {
  const match = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header) : null;
  // Comparing fixed-length digests keeps the check constant-time whatever the input length.
  return Boolean(match?.[1] && timingSafeEqual(digest(match[1]), digest(token)));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
