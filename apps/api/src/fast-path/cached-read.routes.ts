import { Type } from '@nestjs/common';
import { createValidationPipe, NulCharacterPipe, uuidParam } from '@qbm/http';
import type { FastifyRequest } from 'fastify';
import { CacheEntry } from '../common/cache/cache-tags';
import { CacheType } from '../common/cache/cache-type';
import { ListMetricsRequestDto } from '../modules/north-star-metrics/dto/list-metrics.request.dto';
import { NorthStarMetricsService } from '../modules/north-star-metrics/north-star-metrics.service';
import { ListObjectivesRequestDto } from '../modules/objectives/dto/list-objectives.request.dto';
import { ObjectivesService } from '../modules/objectives/objectives.service';
import { ListOkrsRequestDto } from '../modules/okrs/dto/list-okrs.request.dto';
import { OkrsService } from '../modules/okrs/okrs.service';

// A read the fast path may answer from the cache: its cache type and the entry the service would
// read for the request, or undefined wherever the normal path would refuse the request or might
// read another entry (then the request goes through Nest untouched). The entry is found at once
// for an id or query string seen before, and through the (async) pipes otherwise.
export interface CachedReadRoute {
  readonly type: CacheType;
  entry(request: FastifyRequest): CacheEntry | undefined | Promise<CacheEntry | undefined>;
}

// Distinct ids or query strings remembered per route; past that the memo starts afresh.
const MEMO_SIZE = 1024;

// The entry for each raw id or query string, or null where the pipes refused it: the pipes depend
// on nothing else, so the memo cannot drift from them.
class EntryMemo {
  private readonly entries = new Map<string, CacheEntry | null>();

  get(raw: string): CacheEntry | null | undefined {
    return this.entries.get(raw);
  }

  async resolve(raw: string, find: () => Promise<CacheEntry>): Promise<CacheEntry | undefined> {
    let entry: CacheEntry | null;
    try {
      entry = await find();
    } catch {
      entry = null;
    }
    if (this.entries.size >= MEMO_SIZE) this.entries.clear();
    this.entries.set(raw, entry);
    return entry ?? undefined;
  }
}

// The app's own global pipes, in the app's order, so a request is accepted exactly as Nest would.
const nul = new NulCharacterPipe();
const validation = createValidationPipe();
const id = uuidParam('id');

function byId(type: CacheType, entryById: (id: string) => CacheEntry): CachedReadRoute {
  const memo = new EntryMemo();
  return {
    type,
    entry(request) {
      const value = (request.params as { id?: unknown }).id;
      if (typeof value !== 'string') return undefined;
      const known = memo.get(value);
      if (known !== undefined) return known ?? undefined;
      return memo.resolve(value, async () => {
        nul.transform(value, { type: 'param', data: 'id' });
        return entryById(await id.transform(value, { type: 'param', data: 'id', metatype: String }));
      });
    },
  };
}

// The query is validated by the same pipes and keyed by the service's own function, once per
// distinct raw query string.
function list<Q>(type: CacheType, dto: Type<Q>, listEntry: (query: Q) => CacheEntry): CachedReadRoute {
  const memo = new EntryMemo();
  return {
    type,
    entry(request) {
      const at = request.url.indexOf('?');
      const raw = at === -1 ? '' : request.url.slice(at + 1);
      const known = memo.get(raw);
      if (known !== undefined) return known ?? undefined;
      return memo.resolve(raw, async () => {
        const metadata = { type: 'query', metatype: dto } as const;
        return listEntry((await validation.transform(nul.transform(request.query, metadata), metadata)) as Q);
      });
    },
  };
}

// Keyed by Fastify's route template (request.routeOptions.url), as the HTTP metrics label them.
export function cachedReadRoutes(): Map<string, CachedReadRoute> {
  return new Map([
    ['/api/v1/objectives/:id', byId('objectives', (i) => ObjectivesService.entryById(i))],
    ['/api/v1/objectives', list('objectives', ListObjectivesRequestDto, (q) => ObjectivesService.listEntry(q))],
    ['/api/v1/north-star-metrics/:id', byId('metrics', (i) => NorthStarMetricsService.entryById(i))],
    ['/api/v1/north-star-metrics', list('metrics', ListMetricsRequestDto, (q) => NorthStarMetricsService.listEntry(q))],
    ['/api/v1/okrs/:id', byId('okrs', (i) => OkrsService.entryById(i))],
    ['/api/v1/okrs', list('okrs', ListOkrsRequestDto, (q) => OkrsService.listEntry(q))],
  ]);
}
