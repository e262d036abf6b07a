import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { bearerToken, Principal, requiredRole, roleAtLeast, TokenService } from '@qbm/http';
import { DependencyOutages } from '@qbm/observability';
import type { FastifyInstance, FastifyReply } from 'fastify';
import Redis from 'ioredis';
import { CacheEntry } from '../common/cache/cache-tags';
import { ReadCacheService } from '../common/cache/read-cache.service';
import { STALE_HEADERS } from '../common/outages/database-outage.constants';
import {
  principalClient,
  RATE_LIMIT_COUNTER_TTL_MS,
  RateLimitedRequest,
  rateLimitKey,
  setRateLimitHeaders,
  windowOf,
} from '../common/rate-limit/rate-limit.window';
import { ApiConfig } from '../config/api.config';
import { CachedReadRoute, cachedReadRoutes } from './cached-read.routes';
import { CountedCacheReads, CountedRead } from './counted-cache-reads.batch';

// A cache hit of a read by id or a list page costs a token check, one Redis script call (rate-limit
// count and entry, shared with the other requests of the same event-loop turn: CountedCacheReads)
// and a write of the stored JSON as it is; Nest's guards, interceptors, pipes and
// controller cost several times that. This preHandler answers only such a hit, with what the normal
// path would send. Everything else (no or bad token, a query the pipes refuse or that is not yet
// known, a miss, the limit reached, Redis away) goes on to Nest, with the count already taken
// handed to the rate-limit guard. It runs after the onRequest hooks and middleware (request id,
// request log) and before onResponse (HTTP metrics), so those see a fast reply like any other.
@Injectable()
export class CachedReadFastPath implements OnModuleInit {
  private readonly routes = cachedReadRoutes();
  private readonly reads: CountedCacheReads;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly tokens: TokenService,
    private readonly cache: ReadCacheService,
    private readonly outages: DependencyOutages,
    private readonly config: ApiConfig,
    redis: Redis,
  ) {
    this.reads = new CountedCacheReads(redis, RATE_LIMIT_COUNTER_TTL_MS, config.rateLimitPerMinute);
  }

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (!this.config.cacheEnabled || !this.config.cacheFastPath || adapter?.getType() !== 'fastify') return;
    // Callback style, and no async function per request: each promise costs the request context's
    // async hooks as well as its own allocation.
    adapter.getInstance<FastifyInstance>().addHook('preHandler', (request, reply, done) => {
      const route = request.method === 'GET' ? this.routes.get(request.routeOptions.url ?? '') : undefined;
      if (!route) return done();
      const principal = this.principalOf(request);
      if (!principal) return done();
      const entry = route.entry(request);
      if (entry instanceof Promise) {
        entry.then(
          (found) => this.answer(route, principal, found, request, reply, done),
          () => done(),
        );
      } else {
        this.answer(route, principal, entry, request, reply, done);
      }
    });
  }

  // Sends a hit, or hands the request on to Nest (`done`).
  private answer(
    route: CachedReadRoute,
    principal: Principal,
    entry: CacheEntry | undefined,
    request: RateLimitedRequest,
    reply: FastifyReply,
    done: () => void,
  ): void {
    // Whatever goes wrong before the reply is sent, Nest answers instead (nothing may reject unseen).
    const handOn = (): void => {
      if (!reply.sent) done();
    };
    try {
      if (!entry || this.cache.bypasses(route.type, principal.organizationId)) return done();
      const now = Date.now();
      const limit = this.config.rateLimitPerMinute;
      const keys = [
        rateLimitKey(principalClient(principal), windowOf(now)),
        ...this.cache.keysOf(route.type, principal.organizationId, entry),
      ];
      const stopGet = this.cache.startGet(route.type);
      this.reads.read(keys, (read: CountedRead | undefined) => {
        // Redis away: the guard's per-process window and the service's database read take over.
        if (!read) return handOn();
        try {
          // Verified and counted once: the guards reuse both if Nest answers.
          request.principal = principal;
          request.rateLimitCount = { count: read.count, now };
          if (read.json === undefined) return done();
          stopGet();
          this.cache.countHit(route.type);
          setRateLimitHeaders(reply, limit, read.count, now);
          // As the outage interceptor labels a hit the database could not confirm.
          if (this.outages.isDown('database')) void reply.headers(STALE_HEADERS);
          void reply.code(200).header('content-type', 'application/json; charset=utf-8').send(read.json);
        } catch {
          handOn();
        }
      });
    } catch {
      handOn();
    }
  }

  // The rate-limit and auth guards' decision for a GET, when it is to let the caller through.
  private principalOf(request: RateLimitedRequest): Principal | undefined {
    const token = bearerToken(request.headers.authorization);
    if (!token) return undefined;
    try {
      const principal = this.tokens.verify(token);
      return roleAtLeast(principal.role, requiredRole(request.method)) ? principal : undefined;
    } catch {
      return undefined;
    }
  }
}
