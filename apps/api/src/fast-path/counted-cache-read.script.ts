import { cacheReadLua } from '../common/cache/cache-read.script';
import { RATE_LIMIT_COUNT_LUA } from '../common/rate-limit/rate-limit.window';

// The rate-limit count and the cached read in one round trip. KEYS[1] is the client's counter,
// KEYS[2..] the read's keys (ReadCacheService.keysOf); ARGV[1] the counter's TTL in ms, ARGV[2] the
// limit. Over the limit the cache is not read: the guard answers that request's 429. All keys carry
// the organisation as their hash tag, so the script stays Cluster-safe.
export const COUNTED_CACHE_READ_LUA = `${RATE_LIMIT_COUNT_LUA}
if count > tonumber(ARGV[2]) then return {count, 0, ''} end
local function read()
${cacheReadLua(2)}
end
local found = read()
return {count, found[1], found[2]}`;

export const COUNTED_CACHE_READ_COMMAND = 'qbmCountedCacheRead';

// [count, 1, json] on a hit, [count, 0, stamp or ''] otherwise.
export type CountedCacheReadReply = [number, 0 | 1, string];

export interface CountedCacheReadCommand {
  qbmCountedCacheRead(numberOfKeys: number, ...keysAndArgs: (string | number)[]): Promise<CountedCacheReadReply>;
}
