import { Injectable } from '@nestjs/common';
import { Principal, validationFailed } from '@qbm/http';
import { CacheEntry, CacheTags } from '../../common/cache/cache-tags';
import { ReadCacheService } from '../../common/cache/read-cache.service';
import { Page, mapPage } from '../../common/pagination/page';
import { ObjectivesRepository } from '../objectives/objectives.repository';
import { assertOkrLinks } from './domain/okr-links';
import { assertOkrPeriod } from './domain/okr-period';
import { isClosed } from './domain/okr-transitions';
import { ListOkrsRequestDto } from './dto/list-okrs.request.dto';
import { OkrSummaryResponseDto } from './dto/okr-summary.response.dto';
import { OkrResponseDto } from './dto/okr.response.dto';
import { UpdateOkrRequestDto } from './dto/update-okr.request.dto';
import { KeyResultsRepository } from './key-results.repository';
import { OkrErrors } from './okrs.errors';
import { OkrsRepository } from './okrs.repository';

@Injectable()
export class OkrsService {
  // The read cache's entries, shared with the cached-read fast path so both ask for the same key.
  static entryById(id: string): CacheEntry {
    return { key: `okr:${id}`, tags: [CacheTags.okr(id)] };
  }

  // Throws the 400 of a reversed period range, so the fast path never answers for one.
  static listEntry(query: ListOkrsRequestDto): CacheEntry {
    if (query.periodFrom && query.periodTo && query.periodTo < query.periodFrom) {
      throw validationFailed([
        { field: 'periodTo', reason: 'range', message: 'periodTo must not be before periodFrom' },
      ]);
    }
    return { key: `okrs:${JSON.stringify(query)}`, tags: [CacheTags.list] };
  }

  constructor(
    private readonly okrs: OkrsRepository,
    private readonly keyResults: KeyResultsRepository,
    private readonly objectives: ObjectivesRepository,
    private readonly cache: ReadCacheService,
  ) {}

  get(principal: Principal, id: string): Promise<OkrResponseDto> {
    return this.cache.getOrLoad('okrs', principal.organizationId, OkrsService.entryById(id), async () => {
      const okr = await this.okrs.findWithKeyResults(principal.organizationId, id);
      if (!okr) throw OkrErrors.notFound(id);
      return OkrResponseDto.from(okr);
    });
  }

  list(principal: Principal, query: ListOkrsRequestDto): Promise<Page<OkrSummaryResponseDto>> {
    const entry = OkrsService.listEntry(query);
    return this.cache.getOrLoad('okrs', principal.organizationId, entry, async () =>
      mapPage(await this.okrs.list(principal.organizationId, query), (o) => OkrSummaryResponseDto.from(o)),
    );
  }

  async update(principal: Principal, id: string, dto: UpdateOkrRequestDto): Promise<OkrResponseDto> {
    const org = principal.organizationId;
    const saved = await this.okrs.inTransaction(async (tx) => {
      if (dto.parentOkrId) await this.okrs.lockTree(tx, org);
      const okr = await this.okrs.lockForWrite(tx, org, id);
      if (!okr) throw OkrErrors.notFound(id);
      if (isClosed(okr.status)) throw OkrErrors.closed(okr.status);
      const change = {
        strategicObjectiveId:
          dto.strategicObjectiveId !== okr.strategicObjectiveId ? dto.strategicObjectiveId : undefined,
        parentOkrId: dto.parentOkrId !== okr.parentOkrId ? dto.parentOkrId : undefined,
      };
      const lookups = {
        strategicObjectiveExists: (objectiveId: string) => this.objectives.exists(org, objectiveId, tx),
        parentExists: (parentId: string) => this.okrs.existsLocked(tx, org, parentId),
        isSelfOrDescendant: (okrId: string, parentId: string) => this.okrs.isSelfOrDescendant(tx, org, okrId, parentId),
      };
      await assertOkrLinks(lookups, change, id);
      Object.assign(okr, dto);
      assertOkrPeriod(okr);
      await this.okrs.save(tx, okr);
      okr.keyResults = await this.keyResults.listByOkr(tx, id);
      return okr;
    });
    // Neither its parent's nor its strategic objective's view lists an OKR's children.
    await this.cache.invalidate('okrs', org, [CacheTags.okr(id), CacheTags.list]);
    return OkrResponseDto.from(saved);
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const org = principal.organizationId;
    const keyResultIds = await this.okrs.inTransaction(async (tx) => {
      if (!(await this.okrs.lockForDelete(tx, org, id))) throw OkrErrors.notFound(id);
      if (await this.okrs.hasChildren(tx, org, id)) throw OkrErrors.hasChildren();
      // Its key results and their check-ins go with it: their cached views too.
      const keyResults = await this.keyResults.listByOkr(tx, id);
      await this.okrs.delete(tx, org, id);
      return keyResults.map((kr) => CacheTags.keyResult(kr.id));
    });
    await this.cache.invalidate('okrs', org, [CacheTags.okr(id), CacheTags.list, ...keyResultIds]);
  }
}
