import type { FastifyReply } from 'fastify';
import { AuthenticatedRequest, Principal } from '@qbm/http';

export const RATE_LIMIT_WINDOW_MS = 60_000;

// count_request(key, ttl): INCR and, on a window's first request, its expiry (ttl in ms); returns
// the count. Shared by the guard's script and the cached-read fast path's, so both count the same way.
export const RATE_LIMIT_COUNT_LUA = `
local function count_request(key, ttl)
  local count = redis.call('INCR', key)
  if count == 1 then redis.call('PEXPIRE', key, ttl) end
  return count
end`;

// A counter lives for two windows, so a late request of the previous window still finds it.
export const RATE_LIMIT_COUNTER_TTL_MS = RATE_LIMIT_WINDOW_MS * 2;

// A count the fast path already took for this request, so the guard does not count it twice.
export interface RateLimitCount {
  count: number;
  now: number;
}

export type RateLimitedRequest = AuthenticatedRequest & { rateLimitCount?: RateLimitCount };

// The organisation is the counter's hash tag, as it is the read cache's, so one script can touch both.
export function principalClient(principal: Principal): string {
  return `{${principal.organizationId}}:${principal.subject}`;
}

export function rateLimitKey(client: string, window: number): string {
  return `qbm:rl:${client}:${window}`;
}

export function windowOf(now: number): number {
  return Math.floor(now / RATE_LIMIT_WINDOW_MS);
}

// The headers every limited answer carries; returns the seconds until the window resets.
export function setRateLimitHeaders(reply: FastifyReply, limit: number, count: number, now: number): number {
  void reply.header('x-ratelimit-limit', limit);
  void reply.header('x-ratelimit-remaining', Math.max(0, limit - count));
  return Math.ceil(((windowOf(now) + 1) * RATE_LIMIT_WINDOW_MS - now) / 1000);
}
