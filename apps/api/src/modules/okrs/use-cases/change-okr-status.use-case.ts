import { Injectable } from '@nestjs/common';
import { Principal } from '@qbm/http';
import { CacheTags } from '../../../common/cache/cache-tags';
import { ReadCacheService } from '../../../common/cache/read-cache.service';
import { ACTION_TARGET, OkrAction, isAllowedTransition, isClosed, isScored } from '../domain/okr-transitions';
import { OkrResponseDto } from '../dto/okr.response.dto';
import { KeyResultsRepository } from '../key-results.repository';
import { OkrErrors } from '../okrs.errors';
import { OkrsRepository } from '../okrs.repository';

// The workflow actions: activate, complete, fail, cancel.
@Injectable()
export class ChangeOkrStatusUseCase {
  constructor(
    private readonly okrs: OkrsRepository,
    private readonly keyResults: KeyResultsRepository,
    private readonly cache: ReadCacheService,
  ) {}

  async execute(principal: Principal, id: string, action: OkrAction): Promise<OkrResponseDto> {
    const org = principal.organizationId;
    const to = ACTION_TARGET[action];
    const saved = await this.okrs.inTransaction(async (tx) => {
      const okr = await this.okrs.lockForWrite(tx, org, id);
      if (!okr) throw OkrErrors.notFound(id);
      if (!isAllowedTransition(okr.status, to)) throw OkrErrors.illegalTransition(okr.status, to);
      if (to === 'active' && (await this.keyResults.count(tx, id)) === 0) throw OkrErrors.noKeyResults();
      okr.status = to;
      // The score freezes the progress at closing time; progress itself cannot move afterwards.
      if (isScored(to)) okr.finalScore = okr.progress;
      if (isClosed(to)) okr.closedAt = new Date();
      if (to === 'failed') await this.keyResults.failUnfinished(tx, id);
      await this.okrs.save(tx, okr);
      okr.keyResults = await this.keyResults.listByOkr(tx, id);
      return okr;
    });
    // Failing an OKR fails its unfinished key results: their own views change too.
    const keyResults = to === 'failed' ? (saved.keyResults ?? []).map((kr) => CacheTags.keyResult(kr.id)) : [];
    await this.cache.invalidate('okrs', org, [CacheTags.okr(id), CacheTags.list, ...keyResults]);
    return OkrResponseDto.from(saved);
  }
}
