import { ApiProperty } from '@nestjs/swagger';
import { OKR_STATUSES, Okr, OkrStatus } from '../entities/okr.entity';

// What a check-in changed on its OKR.
export class OkrProgressResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) progress!: number;
  @ApiProperty({ enum: OKR_STATUSES }) status!: OkrStatus;

  static from(o: Okr): OkrProgressResponseDto {
    return { id: o.id, progress: o.progress, status: o.status };
  }
}
