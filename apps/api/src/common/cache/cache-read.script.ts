// cached_read(first, last): KEYS[first] is an entry, KEYS[first + 1 .. last] the generations of the
// tags it depends on. The entry holds "<stamp>\n<json>", the stamp being the tags' generations when
// it was loaded; it is a hit only while that stamp is still current. Returns 1 and the JSON on a
// hit; on a miss 0 and the current stamp, read before the database is, so an entry stored from a
// load that raced a write is never a hit. Every key of a read carries the organisation as its hash
// tag, so the scripts that use it are Cluster-safe.
export const CACHED_READ_LUA_FUNCTION = `
local function cached_read(first, last)
  local stamp = {}
  for i = first + 1, last do
    stamp[i - first] = redis.call('GET', KEYS[i]) or '0'
  end
  stamp = table.concat(stamp, ',')
  local entry = redis.call('GET', KEYS[first])
  if entry then
    local cut = string.find(entry, '\\n', 1, true)
    if cut and string.sub(entry, 1, cut - 1) == stamp then
      return 1, string.sub(entry, cut + 1)
    end
  end
  return 0, stamp
end`;

// One round trip per cached read: the entry, then its generations (ReadCacheService.keysOf).
export const CACHE_READ_LUA = `${CACHED_READ_LUA_FUNCTION}
local found, payload = cached_read(1, #KEYS)
return {found, payload}`;

export const CACHE_READ_COMMAND = 'qbmCacheRead';

// [1, json] on a hit, [0, stamp] on a miss.
export type CacheReadReply = [1, string] | [0, string];

export interface CacheReadCommand {
  qbmCacheRead(numberOfKeys: number, ...keys: string[]): Promise<CacheReadReply>;
}
