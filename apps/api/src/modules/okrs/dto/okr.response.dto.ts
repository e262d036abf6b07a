import { ApiProperty } from '@nestjs/swagger';
import { Okr } from '../entities/okr.entity';
import { KeyResultResponseDto } from './key-result.response.dto';
import { OkrSummaryResponseDto } from './okr-summary.response.dto';

export class OkrResponseDto extends OkrSummaryResponseDto {
  @ApiProperty({ type: [KeyResultResponseDto], description: 'Oldest first' }) keyResults!: KeyResultResponseDto[];

  // `keyResults` must be the OKR's complete set, oldest first.
  static withKeyResults(o: Okr, keyResults: KeyResultResponseDto[]): OkrResponseDto {
    return { ...OkrSummaryResponseDto.from(o), keyResults };
  }

  // For an OKR loaded with its key results.
  static override from(o: Okr): OkrResponseDto {
    return OkrResponseDto.withKeyResults(
      o,
      (o.keyResults ?? []).map((kr) => KeyResultResponseDto.from(kr)),
    );
  }
}
