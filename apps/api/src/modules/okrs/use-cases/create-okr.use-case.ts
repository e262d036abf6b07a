import { Injectable } from '@nestjs/common';
import { Principal } from '@qbm/http';
import { ReadCacheService } from '../../../common/cache/read-cache.service';
import { okrCode, okrScope } from '../../../common/codes/code-format';
import { CodeSequenceService } from '../../../common/codes/code-sequence.service';
import { assertKeyResultRules } from '../domain/key-result-rules';
import { assertOkrPeriod } from '../domain/okr-period';
import { CreateOkrRequestDto } from '../dto/create-okr.request.dto';
import { KeyResultResponseDto } from '../dto/key-result.response.dto';
import { OkrResponseDto } from '../dto/okr.response.dto';
import { KeyResultsRepository } from '../key-results.repository';
import { OkrLinksService } from '../okr-links.service';
import { OkrProgressService } from '../okr-progress.service';
import { OkrsRepository } from '../okrs.repository';
import { AddKeyResultUseCase } from './add-key-result.use-case';

// An OKR, its code and its first key results in one transaction. The code's counter row is bumped
// inside that transaction, so concurrent creates in one quarter get consecutive, distinct numbers.
@Injectable()
export class CreateOkrUseCase {
  constructor(
    private readonly okrs: OkrsRepository,
    private readonly keyResults: KeyResultsRepository,
    private readonly links: OkrLinksService,
    private readonly addKeyResult: AddKeyResultUseCase,
    private readonly progress: OkrProgressService,
    private readonly codes: CodeSequenceService,
    private readonly cache: ReadCacheService,
  ) {}

  async execute(principal: Principal, dto: CreateOkrRequestDto): Promise<OkrResponseDto> {
    const org = principal.organizationId;
    const period = { periodType: dto.periodType, periodStart: dto.periodStart, periodEnd: dto.periodEnd };
    assertOkrPeriod(period);
    (dto.keyResults ?? []).forEach((kr, index) => assertKeyResultRules({ ...kr, weight: kr.weight ?? 1 }, index));

    const result = await this.okrs.transaction(async (manager) => {
      await this.links.assertLinks(manager, org, {
        strategicObjectiveId: dto.strategicObjectiveId,
        parentOkrId: dto.parentOkrId,
      });
      const scope = okrScope(new Date(`${dto.periodStart}T00:00:00Z`));
      const code = okrCode(scope, await this.codes.next(manager, org, scope));
      const okr = await this.okrs.save(
        manager,
        this.okrs.create({
          organizationId: org,
          code,
          objective: dto.objective,
          strategicObjectiveId: dto.strategicObjectiveId ?? null,
          parentOkrId: dto.parentOkrId ?? null,
          ...period,
          owner: dto.owner,
          status: 'draft',
          progress: 0,
          finalScore: null,
          closedAt: null,
        }),
      );
      // now() is the same for every row of a transaction; distinct created_at keeps the request's order.
      const start = Date.now();
      const drafts = (dto.keyResults ?? []).map((kr, index) =>
        this.addKeyResult.build(org, okr.id, kr, new Date(start + index)),
      );
      const keyResults = drafts.length > 0 ? await this.keyResults.save(manager, drafts) : [];
      return { okr: await this.progress.refreshOkr(manager, okr), keyResults };
    });
    await this.cache.invalidate(org, 'okrs');
    return OkrResponseDto.withKeyResults(
      result.okr,
      result.keyResults.map((kr) => KeyResultResponseDto.from(kr)),
    );
  }
}
