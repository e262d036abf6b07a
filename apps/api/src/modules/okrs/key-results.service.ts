import { Injectable } from '@nestjs/common';
import { Principal } from '@qbm/http';
import { CacheTags } from '../../common/cache/cache-tags';
import { ReadCacheService } from '../../common/cache/read-cache.service';
import { Transaction } from '../../database/transaction';
import { CheckInsRepository } from './check-ins.repository';
import { assertKeyResultRules } from './domain/key-result-rules';
import { scoreKeyResult } from './domain/key-result-scoring';
import { isClosed } from './domain/okr-transitions';
import { KeyResultListResponseDto } from './dto/key-result-list.response.dto';
import { KeyResultResponseDto } from './dto/key-result.response.dto';
import { UpdateKeyResultRequestDto } from './dto/update-key-result.request.dto';
import { KeyResult } from './entities/key-result.entity';
import { Okr } from './entities/okr.entity';
import { KeyResultsRepository } from './key-results.repository';
import { KeyResultErrors, OkrErrors } from './okrs.errors';
import { OkrsRepository } from './okrs.repository';

@Injectable()
export class KeyResultsService {
  constructor(
    private readonly okrs: OkrsRepository,
    private readonly keyResults: KeyResultsRepository,
    private readonly checkIns: CheckInsRepository,
    private readonly cache: ReadCacheService,
  ) {}

  // With `disagreement`, the cached list narrowed by the flag, read fresh: the ledger and the check-ins
  // change outside this module's cache tags.
  async listForOkr(principal: Principal, okrId: string, disagreement?: boolean): Promise<KeyResultListResponseDto> {
    const all = await this.listAll(principal, okrId);
    if (disagreement === undefined) return all;
    const flagged = await this.keyResults.disagreeingIds(principal.organizationId, okrId);
    return { data: all.data.filter((kr) => flagged.has(kr.id) === disagreement) };
  }

  private listAll(principal: Principal, okrId: string): Promise<KeyResultListResponseDto> {
    const org = principal.organizationId;
    const entry = { key: `key-results:${okrId}`, tags: [CacheTags.okr(okrId)] };
    return this.cache.getOrLoad('okrs', org, entry, async () => {
      const okr = await this.okrs.findWithKeyResults(org, okrId);
      if (!okr) throw OkrErrors.notFound(okrId);
      return { data: (okr.keyResults ?? []).map((kr) => KeyResultResponseDto.from(kr)) };
    });
  }

  get(principal: Principal, id: string): Promise<KeyResultResponseDto> {
    return this.cache.getOrLoad(
      'okrs',
      principal.organizationId,
      { key: `key-result:${id}`, tags: [CacheTags.keyResult(id)] },
      async () => {
        const keyResult = await this.keyResults.findById(principal.organizationId, id);
        if (!keyResult) throw KeyResultErrors.notFound(id);
        return KeyResultResponseDto.from(keyResult);
      },
    );
  }

  async update(principal: Principal, id: string, dto: UpdateKeyResultRequestDto): Promise<KeyResultResponseDto> {
    const org = principal.organizationId;
    const saved = await this.inOpenOkr(org, id, async (tx, okr, keyResult) => {
      Object.assign(keyResult, dto);
      assertKeyResultRules(keyResult);
      const latest = await this.checkIns.latest(tx, keyResult.id);
      Object.assign(keyResult, scoreKeyResult(keyResult, latest?.confidence ?? null));
      const written = await this.keyResults.save(tx, keyResult);
      await this.okrs.saveWithProgress(tx, okr);
      return written;
    });
    // The key result, and its OKR whose progress rolls it up (the OKR's view, key-result list and list rows).
    await this.cache.invalidate('okrs', org, [CacheTags.keyResult(id), CacheTags.okr(saved.okrId), CacheTags.list]);
    return KeyResultResponseDto.from(saved);
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const org = principal.organizationId;
    const okrId = await this.inOpenOkr(org, id, async (tx, okr) => {
      await this.keyResults.delete(tx, org, id);
      await this.okrs.saveWithProgress(tx, okr);
      return okr.id;
    });
    await this.cache.invalidate('okrs', org, [CacheTags.keyResult(id), CacheTags.okr(okrId), CacheTags.list]);
  }

  // Locks the key result's OKR, then the key result, and refuses closed OKRs.
  private inOpenOkr<T>(
    org: string,
    id: string,
    work: (tx: Transaction, okr: Okr, keyResult: KeyResult) => Promise<T>,
  ): Promise<T> {
    return this.okrs.inTransaction(async (tx) => {
      const found = await this.keyResults.findById(org, id, tx);
      if (!found) throw KeyResultErrors.notFound(id);
      const okr = await this.okrs.lockForWrite(tx, org, found.okrId);
      const keyResult = await this.keyResults.lockById(tx, org, id);
      // Deleted between the first read and the locks.
      if (!okr || !keyResult) throw KeyResultErrors.notFound(id);
      if (isClosed(okr.status)) throw OkrErrors.closed(okr.status);
      return work(tx, okr, keyResult);
    });
  }
}
