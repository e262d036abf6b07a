import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { databaseFailureReason, dependencyUnavailable } from '@qbm/http';
import { DependencyOutages } from '@qbm/observability';
import type { FastifyReply } from 'fastify';
import { Observable, catchError, tap, throwError } from 'rxjs';
import { CacheReadState, cacheReadContext } from '../cache/cache-read.context';
import { DATABASE_RETRY_AFTER_SECONDS, STALE_HEADERS } from './database-outage.constants';

// The database being away is an outage, not a bug: such a failure becomes a 503 DATABASE.UNAVAILABLE
// with Retry-After and is counted in dependency_errors_total (one log line per outage, not one per
// request). Any other error passes through untouched. While an outage is open, an answer served
// from the read cache says so in its headers.
@Injectable()
export class DatabaseOutageInterceptor implements NestInterceptor {
  constructor(private readonly outages: DependencyOutages) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const read: CacheReadState = { fromCache: false, fromDatabase: false };
    // handle() binds the handler to the async context it is called in, so the cache below sees `read`.
    return cacheReadContext
      .run(read, () => next.handle())
      .pipe(
        tap(() => {
          if (read.fromCache && !read.fromDatabase && this.outages.isDown('database'))
            void reply.headers(STALE_HEADERS);
        }),
        catchError((error: unknown) => throwError(() => this.translate(error))),
      );
  }

  private translate(error: unknown): unknown {
    const reason = databaseFailureReason(error);
    if (!reason) return error;
    this.outages.failed('database', reason, error);
    return dependencyUnavailable('database', DATABASE_RETRY_AFTER_SECONDS);
  }
}
