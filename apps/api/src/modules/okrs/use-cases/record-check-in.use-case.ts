import { Injectable } from '@nestjs/common';
import { Principal } from '@qbm/http';
import { CacheTags } from '../../../common/cache/cache-tags';
import { ReadCacheService } from '../../../common/cache/read-cache.service';
import { CheckInsRepository } from '../check-ins.repository';
import { scoreKeyResult } from '../domain/key-result-scoring';
import { CheckInResultResponseDto } from '../dto/check-in-result.response.dto';
import { CheckInResponseDto } from '../dto/check-in.response.dto';
import { CreateCheckInRequestDto } from '../dto/create-check-in.request.dto';
import { KeyResultResponseDto } from '../dto/key-result.response.dto';
import { OkrProgressResponseDto } from '../dto/okr-progress.response.dto';
import { KeyResultsRepository } from '../key-results.repository';
import { CheckInErrors, KeyResultErrors } from '../okrs.errors';
import { OkrsRepository } from '../okrs.repository';

// One transaction: lock the OKR and the key result, append the check-in, take the key result's current
// value from its latest check-in by checkedInAt (a back-dated one only adds history), then recompute
// the key result's progress and status and the OKR's progress.
@Injectable()
export class RecordCheckInUseCase {
  constructor(
    private readonly okrs: OkrsRepository,
    private readonly keyResults: KeyResultsRepository,
    private readonly checkIns: CheckInsRepository,
    private readonly cache: ReadCacheService,
  ) {}

  async execute(
    principal: Principal,
    keyResultId: string,
    dto: CreateCheckInRequestDto,
  ): Promise<CheckInResultResponseDto> {
    const org = principal.organizationId;
    const result = await this.okrs.inTransaction(async (tx) => {
      const found = await this.keyResults.findById(org, keyResultId, tx);
      if (!found) throw KeyResultErrors.notFound(keyResultId);
      const okr = await this.okrs.lockForWrite(tx, org, found.okrId);
      const keyResult = await this.keyResults.lockById(tx, org, keyResultId);
      if (!okr || !keyResult) throw KeyResultErrors.notFound(keyResultId);
      if (okr.status !== 'active') throw CheckInErrors.okrNotActive(okr.status);

      const checkIn = await this.checkIns.save(
        tx,
        this.checkIns.create({
          organizationId: org,
          keyResultId,
          value: dto.value,
          confidence: dto.confidence,
          note: dto.note ?? null,
          author: principal.subject,
          checkedInAt: dto.checkedInAt ? new Date(dto.checkedInAt) : new Date(),
        }),
      );
      const latest = (await this.checkIns.latest(tx, keyResultId)) ?? checkIn;
      keyResult.currentValue = latest.value;
      Object.assign(keyResult, scoreKeyResult(keyResult, latest.confidence));
      const savedKeyResult = await this.keyResults.save(tx, keyResult);
      const savedOkr = await this.okrs.saveWithProgress(tx, okr);
      return { checkIn, keyResult: savedKeyResult, okr: savedOkr };
    });
    // The key result (value, progress, check-in pages) and the OKR its progress rolls up into.
    await this.cache.invalidate('okrs', org, [
      CacheTags.keyResult(keyResultId),
      CacheTags.okr(result.okr.id),
      CacheTags.list,
    ]);
    return {
      checkIn: CheckInResponseDto.from(result.checkIn),
      keyResult: KeyResultResponseDto.from(result.keyResult),
      okr: OkrProgressResponseDto.from(result.okr),
    };
  }
}
