import { Injectable } from '@nestjs/common';
import { Principal } from '@qbm/http';
import { ReadCacheService } from '../../../common/cache/read-cache.service';
import { assertKeyResultRules } from '../domain/key-result-rules';
import { isClosed } from '../domain/okr-transitions';
import { CreateKeyResultRequestDto } from '../dto/create-key-result.request.dto';
import { KeyResultResponseDto } from '../dto/key-result.response.dto';
import { KeyResult } from '../entities/key-result.entity';
import { KeyResultsRepository } from '../key-results.repository';
import { OkrProgressService } from '../okr-progress.service';
import { OkrErrors } from '../okrs.errors';
import { OkrsRepository } from '../okrs.repository';

@Injectable()
export class AddKeyResultUseCase {
  constructor(
    private readonly okrs: OkrsRepository,
    private readonly keyResults: KeyResultsRepository,
    private readonly progress: OkrProgressService,
    private readonly cache: ReadCacheService,
  ) {}

  async execute(principal: Principal, okrId: string, dto: CreateKeyResultRequestDto): Promise<KeyResultResponseDto> {
    const org = principal.organizationId;
    assertKeyResultRules({ ...dto, weight: dto.weight ?? 1 });
    const saved = await this.okrs.transaction(async (manager) => {
      const okr = await this.okrs.lockForWrite(manager, org, okrId);
      if (!okr) throw OkrErrors.notFound(okrId);
      if (isClosed(okr.status)) throw OkrErrors.closed(okr.status);
      const keyResult = await this.keyResults.save(manager, this.build(org, okrId, dto));
      await this.progress.refreshOkr(manager, okr);
      return keyResult;
    });
    await this.cache.invalidate(org, 'okrs');
    return KeyResultResponseDto.from(saved);
  }

  // A new key result with the contract's defaults; `createdAt` is set only to keep a batch in request order.
  build(organizationId: string, okrId: string, dto: CreateKeyResultRequestDto, createdAt?: Date): KeyResult {
    const keyResult = this.keyResults.create({
      organizationId,
      okrId,
      statement: dto.statement,
      type: dto.type,
      baselineValue: dto.baselineValue,
      targetValue: dto.targetValue,
      currentValue: dto.currentValue ?? dto.baselineValue,
      unit: dto.unit ?? '',
      weight: dto.weight ?? 1,
      owner: dto.owner,
      dueDate: dto.dueDate ?? null,
      ...(createdAt ? { createdAt } : {}),
    });
    this.progress.applyKeyResultRules(keyResult, null);
    return keyResult;
  }
}
