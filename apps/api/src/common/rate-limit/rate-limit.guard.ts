import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE } from '@qbm/observability';
import type { FastifyReply } from 'fastify';
import Redis from 'ioredis';
import { bearerToken, DomainError, Principal, TokenService } from '@qbm/http';
import { ApiConfig } from '../../config/api.config';
import {
  principalClient,
  RATE_LIMIT_COUNT_LUA,
  RATE_LIMIT_COUNTER_TTL_MS,
  RateLimitedRequest,
  rateLimitKey,
  setRateLimitHeaders,
  windowOf,
} from './rate-limit.window';

// INCR and, on a window's first request, its expiry: one command, one round trip, atomic.
const COUNT_SCRIPT = `${RATE_LIMIT_COUNT_LUA}
return count_request(KEYS[1], ARGV[1])`;
const COUNT_COMMAND = 'qbmRateLimitCount';

type CountingRedis = Redis & {
  [COUNT_COMMAND]: (key: string, ttlMs: number) => Promise<number>;
};

// Fixed one-minute window per client (a valid token's subject within its organisation, else the
// address), shared across instances through Redis; a per-process window stands in while Redis is
// away. It runs before authentication, so callers without a valid token are limited too.
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly local = new Map<string, number>();
  private localWindow = 0;
  private readonly counter: CountingRedis;

  constructor(
    private readonly reflector: Reflector,
    redis: Redis,
    private readonly config: ApiConfig,
    private readonly tokens: TokenService,
  ) {
    // EVALSHA, falling back to EVAL once after a script flush or on a new server.
    redis.defineCommand(COUNT_COMMAND, { numberOfKeys: 1, lua: COUNT_SCRIPT });
    this.counter = redis as CountingRedis;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]))
      return true;
    const request = context.switchToHttp().getRequest<RateLimitedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    // The cached-read fast path may have verified the token and counted this request already (a miss
    // it handed on); then it also set the principal.
    const taken = request.rateLimitCount;
    let count: number;
    let now: number;
    if (taken) {
      ({ count, now } = taken);
    } else {
      const principal = this.identify(request.headers.authorization);
      // Verified once per request: the auth guard that runs next reuses it.
      if (principal) request.principal = principal;
      const client = principal ? principalClient(principal) : `ip:${request.ip}`;
      now = Date.now();
      count = await this.increment(client, windowOf(now));
    }
    const limit = this.config.rateLimitPerMinute;
    const resetSeconds = setRateLimitHeaders(reply, limit, count, now);
    if (count > limit) {
      void reply.header('retry-after', resetSeconds);
      throw new DomainError(
        'RATE_LIMIT.EXCEEDED',
        'rate_limited',
        `Rate limit of ${limit} requests per minute exceeded`,
        {
          retryAfterSeconds: resetSeconds,
        },
      );
    }
    return true;
  }

  private identify(header: string | undefined): Principal | undefined {
    const token = bearerToken(header);
    if (!token) return undefined;
    try {
      return this.tokens.verify(token);
    } catch {
      return undefined;
    }
  }

  private async increment(client: string, window: number): Promise<number> {
    const key = rateLimitKey(client, window);
    try {
      const count = await this.counter[COUNT_COMMAND](key, RATE_LIMIT_COUNTER_TTL_MS);
      if (typeof count === 'number') return count;
    } catch {
      // fall through to the local window
    }
    if (this.localWindow !== window) {
      this.local.clear();
      this.localWindow = window;
    }
    const count = (this.local.get(client) ?? 0) + 1;
    this.local.set(client, count);
    return count;
  }
}
