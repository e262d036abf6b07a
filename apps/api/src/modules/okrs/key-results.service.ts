import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Principal } from '@qbm/http';
import { ReadCacheService } from '../../common/cache/read-cache.service';
import { assertKeyResultRules } from './domain/key-result-rules';
import { isClosed } from './domain/okr-transitions';
import { KeyResultListResponseDto } from './dto/key-result-list.response.dto';
import { KeyResultResponseDto } from './dto/key-result.response.dto';
import { UpdateKeyResultRequestDto } from './dto/update-key-result.request.dto';
import { KeyResult } from './entities/key-result.entity';
import { Okr } from './entities/okr.entity';
import { KeyResultsRepository } from './key-results.repository';
import { OkrProgressService } from './okr-progress.service';
import { KeyResultErrors, OkrErrors } from './okrs.errors';
import { OkrsRepository } from './okrs.repository';

@Injectable()
export class KeyResultsService {
  constructor(
    private readonly okrs: OkrsRepository,
    private readonly keyResults: KeyResultsRepository,
    private readonly progress: OkrProgressService,
    private readonly cache: ReadCacheService,
  ) {}

  listForOkr(principal: Principal, okrId: string): Promise<KeyResultListResponseDto> {
    const org = principal.organizationId;
    return this.cache.getOrLoad('okrs', org, `key-results:${okrId}`, async () => {
      const okr = await this.okrs.findWithKeyResults(org, okrId);
      if (!okr) throw OkrErrors.notFound(okrId);
      return { data: (okr.keyResults ?? []).map((kr) => KeyResultResponseDto.from(kr)) };
    });
  }

  get(principal: Principal, id: string): Promise<KeyResultResponseDto> {
    return this.cache.getOrLoad('okrs', principal.organizationId, `key-result:${id}`, async () => {
      const keyResult = await this.keyResults.findById(principal.organizationId, id);
      if (!keyResult) throw KeyResultErrors.notFound(id);
      return KeyResultResponseDto.from(keyResult);
    });
  }

  async update(principal: Principal, id: string, dto: UpdateKeyResultRequestDto): Promise<KeyResultResponseDto> {
    const org = principal.organizationId;
    const saved = await this.inOpenOkr(org, id, async (manager, okr, keyResult) => {
      Object.assign(keyResult, dto);
      assertKeyResultRules(keyResult);
      await this.progress.refreshKeyResult(manager, keyResult);
      const written = await this.keyResults.save(manager, keyResult);
      await this.progress.refreshOkr(manager, okr);
      return written;
    });
    await this.cache.invalidate(org, 'okrs');
    return KeyResultResponseDto.from(saved);
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const org = principal.organizationId;
    await this.inOpenOkr(org, id, async (manager, okr) => {
      await this.keyResults.delete(manager, org, id);
      await this.progress.refreshOkr(manager, okr);
    });
    await this.cache.invalidate(org, 'okrs');
  }

  // Locks the key result's OKR, then the key result, and refuses closed OKRs.
  private inOpenOkr<T>(
    org: string,
    id: string,
    work: (manager: EntityManager, okr: Okr, keyResult: KeyResult) => Promise<T>,
  ): Promise<T> {
    return this.okrs.transaction(async (manager) => {
      const found = await this.keyResults.findById(org, id, manager);
      if (!found) throw KeyResultErrors.notFound(id);
      const okr = await this.okrs.lockForWrite(manager, org, found.okrId);
      const keyResult = await this.keyResults.lockById(manager, org, id);
      // Deleted between the first read and the locks.
      if (!okr || !keyResult) throw KeyResultErrors.notFound(id);
      if (isClosed(okr.status)) throw OkrErrors.closed(okr.status);
      return work(manager, okr, keyResult);
    });
  }
}
