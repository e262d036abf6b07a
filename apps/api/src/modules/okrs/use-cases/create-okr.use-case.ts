import { Injectable } from '@nestjs/common';
import { Principal } from '@qbm/http';
import { CacheTags } from '../../../common/cache/cache-tags';
import { ReadCacheService } from '../../../common/cache/read-cache.service';
import { okrCode, okrScope } from '../../../common/codes/code-format';
import { CodeSequencesRepository } from '../../../common/codes/code-sequences.repository';
import { Transaction } from '../../../database/transaction';
import { ObjectivesRepository } from '../../objectives/objectives.repository';
import { assertKeyResultRules } from '../domain/key-result-rules';
import { newKeyResultFields } from '../domain/new-key-result';
import { assertOkrLinks } from '../domain/okr-links';
import { assertOkrPeriod } from '../domain/okr-period';
import { CreateOkrRequestDto } from '../dto/create-okr.request.dto';
import { KeyResultResponseDto } from '../dto/key-result.response.dto';
import { OkrResponseDto } from '../dto/okr.response.dto';
import { KeyResultsRepository } from '../key-results.repository';
import { OkrsRepository } from '../okrs.repository';

// An OKR, its code and its first key results in one transaction. The code's counter row is bumped
// inside that transaction, so concurrent creates in one quarter get consecutive, distinct numbers.
@Injectable()
export class CreateOkrUseCase {
  constructor(
    private readonly okrs: OkrsRepository,
    private readonly keyResults: KeyResultsRepository,
    private readonly objectives: ObjectivesRepository,
    private readonly codes: CodeSequencesRepository,
    private readonly cache: ReadCacheService,
  ) {}

  async execute(principal: Principal, dto: CreateOkrRequestDto): Promise<OkrResponseDto> {
    const org = principal.organizationId;
    const period = { periodType: dto.periodType, periodStart: dto.periodStart, periodEnd: dto.periodEnd };
    assertOkrPeriod(period);
    (dto.keyResults ?? []).forEach((kr, index) => assertKeyResultRules({ ...kr, weight: kr.weight ?? 1 }, index));

    const result = await this.okrs.inTransaction(async (tx) => {
      await this.assertLinks(tx, org, dto);
      const scope = okrScope(new Date(`${dto.periodStart}T00:00:00Z`));
      const code = okrCode(scope, await this.codes.next(tx, org, scope));
      const okr = await this.okrs.save(
        tx,
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
        this.keyResults.create(newKeyResultFields(org, okr.id, kr, new Date(start + index))),
      );
      const keyResults = drafts.length > 0 ? await this.keyResults.save(tx, drafts) : [];
      return { okr: await this.okrs.saveWithProgress(tx, okr), keyResults };
    });
    // A new OKR shows only in lists; its parent's view does not name its children.
    await this.cache.invalidate('okrs', org, [CacheTags.list]);
    return OkrResponseDto.withKeyResults(
      result.okr,
      result.keyResults.map((kr) => KeyResultResponseDto.from(kr)),
    );
  }

  private assertLinks(tx: Transaction, org: string, dto: CreateOkrRequestDto): Promise<void> {
    return assertOkrLinks(
      {
        strategicObjectiveExists: (id) => this.objectives.exists(org, id, tx),
        parentExists: (id) => this.okrs.existsLocked(tx, org, id),
        isSelfOrDescendant: (okrId, parentId) => this.okrs.isSelfOrDescendant(tx, org, okrId, parentId),
      },
      { strategicObjectiveId: dto.strategicObjectiveId, parentOkrId: dto.parentOkrId },
    );
  }
}
