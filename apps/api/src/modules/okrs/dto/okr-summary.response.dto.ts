import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../../common/pagination/page';
import { OKR_PERIOD_TYPES, OKR_STATUSES, Okr, OkrPeriodType, OkrStatus } from '../entities/okr.entity';

// An OKR as lists show it: without its key results.
export class OkrSummaryResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'OKR-2026Q1-001' }) code!: string;
  @ApiProperty() objective!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) strategicObjectiveId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentOkrId!: string | null;
  @ApiProperty({ enum: OKR_PERIOD_TYPES }) periodType!: OkrPeriodType;
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date' }) periodEnd!: string;
  @ApiProperty() owner!: string;
  @ApiProperty({ enum: OKR_STATUSES }) status!: OkrStatus;
  @ApiProperty({ minimum: 0, maximum: 1, description: "Weighted mean of the key results' progress" }) progress!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: 'Progress when the OKR was completed or failed',
  })
  finalScore!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(o: Okr): OkrSummaryResponseDto {
    return {
      id: o.id,
      code: o.code,
      objective: o.objective,
      strategicObjectiveId: o.strategicObjectiveId,
      parentOkrId: o.parentOkrId,
      periodType: o.periodType,
      periodStart: o.periodStart,
      periodEnd: o.periodEnd,
      owner: o.owner,
      status: o.status,
      progress: o.progress,
      finalScore: o.finalScore,
      closedAt: o.closedAt ? o.closedAt.toISOString() : null,
      createdAt: o.createdAt.toISOString(),
      updatedAt: o.updatedAt.toISOString(),
    };
  }
}

export const OkrPageResponseDto = PageOf(OkrSummaryResponseDto, 'OkrPage');
