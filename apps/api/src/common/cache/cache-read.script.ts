// One round trip per cached read. KEYS[1] is the entry, KEYS[2..] the generations of the tags it
// depends on. The entry holds "<stamp>\n<json>", the stamp being the tags' generations when it was
// loaded; it is a hit only while that stamp is still current. On a miss the current stamp comes back,
// read before the database is, so an entry stored from a load that raced a write is never a hit.
// Every key of a read carries the organisation as its hash tag, so the script is Cluster-safe.
export const CACHE_READ_LUA = `
${cacheReadLua(1)}`;

// The read with its keys starting at KEYS[first]: the fast path's script puts the rate-limit
// counter before them.
export function cacheReadLua(first: number): string {
  return `
local stamp = {}
for i = ${first + 1}, #KEYS do
  stamp[i - ${first}] = redis.call('GET', KEYS[i]) or '0'
end
stamp = table.concat(stamp, ',')
local entry = redis.call('GET', KEYS[${first}])
if entry then
  local cut = string.find(entry, '\\n', 1, true)
  if cut and string.sub(entry, 1, cut - 1) == stamp then
    return {1, string.sub(entry, cut + 1)}
  end
end
return {0, stamp}`;
}

export const CACHE_READ_COMMAND = 'qbmCacheRead';

// [1, json] on a hit, [0, stamp] on a miss.
export type CacheReadReply = [1, string] | [0, string];

export interface CacheReadCommand {
  qbmCacheRead(numberOfKeys: number, ...keys: string[]): Promise<CacheReadReply>;
}
