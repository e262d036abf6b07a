import { Injectable } from '@nestjs/common';
import { Principal } from '@qbm/http';
import { CacheTags } from '../../common/cache/cache-tags';
import { ReadCacheService } from '../../common/cache/read-cache.service';
import { Page, mapPage } from '../../common/pagination/page';
import { CheckInsRepository } from './check-ins.repository';
import { CheckInResponseDto } from './dto/check-in.response.dto';
import { ListCheckInsRequestDto } from './dto/list-check-ins.request.dto';
import { KeyResultsRepository } from './key-results.repository';
import { KeyResultErrors } from './okrs.errors';

@Injectable()
export class CheckInsService {
  constructor(
    private readonly keyResults: KeyResultsRepository,
    private readonly checkIns: CheckInsRepository,
    private readonly cache: ReadCacheService,
  ) {}

  list(principal: Principal, keyResultId: string, query: ListCheckInsRequestDto): Promise<Page<CheckInResponseDto>> {
    const org = principal.organizationId;
    const entry = {
      key: `check-ins:${keyResultId}:${JSON.stringify(query)}`,
      tags: [CacheTags.keyResult(keyResultId)],
    };
    return this.cache.getOrLoad('okrs', org, entry, async () => {
      if (!(await this.keyResults.findById(org, keyResultId))) throw KeyResultErrors.notFound(keyResultId);
      return mapPage(await this.checkIns.list(org, keyResultId, query), (c) => CheckInResponseDto.from(c));
    });
  }
}
