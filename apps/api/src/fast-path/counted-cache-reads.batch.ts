import { AsyncResource } from 'node:async_hooks';
import Redis from 'ioredis';
import { CACHED_READ_LUA_FUNCTION } from '../common/cache/cache-read.script';
import { RATE_LIMIT_COUNT_LUA } from '../common/rate-limit/rate-limit.window';

// Several requests' rate-limit counts and cached reads in one script call. KEYS holds each read's
// keys in turn: its counter, its entry, its generations (ReadCacheService.keysOf). ARGV[1] is the
// counters' TTL in ms, ARGV[2] the limit, ARGV[3..] each read's number of keys. A read over the
// limit does not read the cache: the guard answers that request's 429. Returns count, found and
// payload (the JSON on a hit) of each read in turn.
export const COUNTED_CACHE_READS_LUA = `${RATE_LIMIT_COUNT_LUA}
${CACHED_READ_LUA_FUNCTION}
local limit = tonumber(ARGV[2])
local out = {}
local first = 1
for r = 3, #ARGV do
  local last = first + tonumber(ARGV[r]) - 1
  local count = count_request(KEYS[first], ARGV[1])
  local found, payload = 0, ''
  if count <= limit then found, payload = cached_read(first + 1, last) end
  out[#out + 1] = count
  out[#out + 1] = found
  out[#out + 1] = payload
  first = last + 1
end
return out`;

const COMMAND = 'qbmCountedCacheReads';

interface CountedCacheReadsCommand {
  [COMMAND](numberOfKeys: number, ...keysAndArgs: (string | number)[]): Promise<(number | string)[]>;
}

// The rate-limit count after this request, and the entry's JSON on a hit.
export interface CountedRead {
  count: number;
  json: string | undefined;
}

// undefined: Redis could not answer (away, or the script failed).
export type CountedReadCallback = (read: CountedRead | undefined) => void;

interface Pending {
  keys: string[];
  callback: CountedReadCallback;
  // The caller's async context (its request's), for its callback. Not AsyncResource.bind: in Node 20
  // that defines a deprecated getter on every bound function, which cost more than the batching saved.
  context: AsyncResource;
}

const CONTEXT_TYPE = 'qbm.CountedCacheRead';

// At most this many reads in one script call: Redis runs a script to the end before anything else.
const MAX_READS_PER_CALL = 128;

// The cached-read fast path's Redis work, gathered over one turn of the event loop and sent as one
// script call per organisation. Each read sent on its own cost a socket write and a reply event in
// this process and a command in Redis, together about a third of a cache hit's CPU; under load,
// one turn reads many requests. ioredis's auto-pipelining gathers only within one callback (it
// flushes on process.nextTick, and each socket read is its own callback), so across requests it
// never batched. Every read is still counted and read in Redis before its request is answered:
// limits stay exact and invalidations are seen at once, as with a call per request. The organisation
// is every key's hash tag, so one call's keys share a Cluster slot.
export class CountedCacheReads {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly script: CountedCacheReadsCommand;

  constructor(
    redis: Redis,
    private readonly counterTtlMs: number,
    private readonly limit: number,
  ) {
    // EVALSHA, falling back to EVAL once after a script flush or on a new server.
    if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { lua: COUNTED_CACHE_READS_LUA });
    this.script = redis as unknown as CountedCacheReadsCommand;
  }

  // keys: the counter, then ReadCacheService.keysOf. The callback runs in the caller's async context
  // (its request's), not the batch's.
  read(keys: string[], callback: CountedReadCallback): void {
    this.queue.push({ keys, callback, context: new AsyncResource(CONTEXT_TYPE) });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.flush);
    }
  }

  private readonly flush = (): void => {
    this.scheduled = false;
    const queue = this.queue;
    this.queue = [];
    const byOrganisation = new Map<string, Pending[]>();
    for (const pending of queue) {
      const tag = hashTag(pending.keys[0] as string);
      const group = byOrganisation.get(tag);
      if (group) group.push(pending);
      else byOrganisation.set(tag, [pending]);
    }
    for (const group of byOrganisation.values()) {
      for (let start = 0; start < group.length; start += MAX_READS_PER_CALL)
        this.send(group.slice(start, start + MAX_READS_PER_CALL));
    }
  };

  private send(reads: Pending[]): void {
    const keys: string[] = [];
    const sizes: number[] = [];
    for (const { keys: own } of reads) {
      for (const key of own) keys.push(key);
      sizes.push(own.length);
    }
    const answer = (reply: (number | string)[] | undefined): void => {
      reads.forEach(({ callback, context }, i) => {
        const count = reply?.[i * 3];
        const found = reply?.[i * 3 + 1];
        const payload = reply?.[i * 3 + 2];
        const read =
          typeof count === 'number' && typeof payload === 'string'
            ? { count, json: found === 1 ? payload : undefined }
            : undefined;
        // A callback answers its own failures; one that throws must not leave the rest unanswered.
        try {
          context.runInAsyncScope(callback, undefined, read);
        } catch {
          // nothing more to do for that request here
        }
      });
    };
    let call: Promise<(number | string)[]>;
    try {
      call = this.script[COMMAND](keys.length, ...keys, this.counterTtlMs, this.limit, ...sizes);
    } catch {
      return answer(undefined);
    }
    call.then(answer, () => answer(undefined));
  }
}

// The {…} part of a key: the organisation, for every key the fast path reads.
function hashTag(key: string): string {
  const open = key.indexOf('{');
  const close = open < 0 ? -1 : key.indexOf('}', open + 1);
  return close < 0 ? key : key.slice(open + 1, close);
}
