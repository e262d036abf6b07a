import { Injectable } from '@nestjs/common';
import { Principal } from '@qbm/http';
import { ReadCacheService } from '../../../common/cache/read-cache.service';
import { ACTION_TARGET, OkrAction, isAllowedTransition, isClosed, isScored } from '../domain/okr-transitions';
import { OkrResponseDto } from '../dto/okr.response.dto';
import { KeyResultsRepository } from '../key-results.repository';
import { OkrErrors } from '../okrs.errors';
import { OkrsRepository } from '../okrs.repository';
import { OkrsService } from '../okrs.service';

// The workflow actions: activate, complete, fail, cancel.
@Injectable()
export class ChangeOkrStatusUseCase {
  constructor(
    private readonly okrs: OkrsRepository,
    private readonly keyResults: KeyResultsRepository,
    private readonly okrsService: OkrsService,
    private readonly cache: ReadCacheService,
  ) {}

  async execute(principal: Principal, id: string, action: OkrAction): Promise<OkrResponseDto> {
    const org = principal.organizationId;
    const to = ACTION_TARGET[action];
    const saved = await this.okrs.transaction(async (manager) => {
      const okr = await this.okrs.lockForWrite(manager, org, id);
      if (!okr) throw OkrErrors.notFound(id);
      if (!isAllowedTransition(okr.status, to)) throw OkrErrors.illegalTransition(okr.status, to);
      if (to === 'active' && (await this.keyResults.count(manager, id)) === 0) throw OkrErrors.noKeyResults();
      okr.status = to;
      // The score freezes the progress at closing time; progress itself cannot move afterwards.
      if (isScored(to)) okr.finalScore = okr.progress;
      if (isClosed(to)) okr.closedAt = new Date();
      if (to === 'failed') await this.keyResults.failUnfinished(manager, id);
      await this.okrs.save(manager, okr);
      okr.keyResults = await this.keyResults.listByOkr(id, manager);
      return okr;
    });
    await this.cache.invalidate(org, 'okrs');
    return this.okrsService.toResponse(saved);
  }
}
