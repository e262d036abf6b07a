import { Injectable } from '@nestjs/common';
import { Principal } from '@qbm/http';
import { CacheTags } from '../../../common/cache/cache-tags';
import { ReadCacheService } from '../../../common/cache/read-cache.service';
import { assertKeyResultRules } from '../domain/key-result-rules';
import { newKeyResultFields } from '../domain/new-key-result';
import { isClosed } from '../domain/okr-transitions';
import { CreateKeyResultRequestDto } from '../dto/create-key-result.request.dto';
import { KeyResultResponseDto } from '../dto/key-result.response.dto';
import { KeyResultsRepository } from '../key-results.repository';
import { OkrErrors } from '../okrs.errors';
import { OkrsRepository } from '../okrs.repository';

@Injectable()
export class AddKeyResultUseCase {
  constructor(
    private readonly okrs: OkrsRepository,
    private readonly keyResults: KeyResultsRepository,
    private readonly cache: ReadCacheService,
  ) {}

  async execute(principal: Principal, okrId: string, dto: CreateKeyResultRequestDto): Promise<KeyResultResponseDto> {
    const org = principal.organizationId;
    assertKeyResultRules({ ...dto, weight: dto.weight ?? 1 });
    const saved = await this.okrs.inTransaction(async (tx) => {
      const okr = await this.okrs.lockForWrite(tx, org, okrId);
      if (!okr) throw OkrErrors.notFound(okrId);
      if (isClosed(okr.status)) throw OkrErrors.closed(okr.status);
      const keyResult = await this.keyResults.save(tx, this.keyResults.create(newKeyResultFields(org, okrId, dto)));
      await this.okrs.saveWithProgress(tx, okr);
      return keyResult;
    });
    // The OKR's key-result list and its progress, in its view and its list rows.
    await this.cache.invalidate('okrs', org, [CacheTags.okr(okrId), CacheTags.list]);
    return KeyResultResponseDto.from(saved);
  }
}
