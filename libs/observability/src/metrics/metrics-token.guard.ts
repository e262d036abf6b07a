import { createHash, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from '../observability-options';

interface RequestWithHeaders {
  headers: Record<string, string | string[] | undefined>;
}

// /metrics is not public: with a token configured, scrapers must present it as a bearer token.
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  private readonly expectedDigest: Buffer | undefined;

  constructor(@Inject(OBSERVABILITY_OPTIONS) options: ObservabilityOptions) {
    this.expectedDigest = options.metricsToken ? digest(options.metricsToken) : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expectedDigest) return true;
    const header = context.switchToHttp().getRequest<RequestWithHeaders>().headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header) : null;
    // Comparing fixed-length digests keeps the check constant-time whatever the input length.
    if (match?.[1] && timingSafeEqual(digest(match[1]), this.expectedDigest)) return true;
    throw new UnauthorizedException('A valid metrics token is required');
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
