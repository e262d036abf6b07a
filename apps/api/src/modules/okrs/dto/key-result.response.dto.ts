import { ApiProperty } from '@nestjs/swagger';
import {
  KEY_RESULT_STATUSES,
  KEY_RESULT_TYPES,
  KeyResult,
  KeyResultStatus,
  KeyResultType,
} from '../entities/key-result.entity';

export class KeyResultResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) okrId!: string;
  @ApiProperty() statement!: string;
  @ApiProperty({ enum: KEY_RESULT_TYPES }) type!: KeyResultType;
  @ApiProperty() baselineValue!: number;
  @ApiProperty() targetValue!: number;
  @ApiProperty() currentValue!: number;
  @ApiProperty() unit!: string;
  @ApiProperty({ minimum: 0, exclusiveMinimum: true, maximum: 100 }) weight!: number;
  @ApiProperty() owner!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate!: string | null;
  @ApiProperty({ enum: KEY_RESULT_STATUSES }) status!: KeyResultStatus;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'clamp((current − baseline) / (target − baseline), 0, 1)' })
  progress!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(kr: KeyResult): KeyResultResponseDto {
    return {
      id: kr.id,
      okrId: kr.okrId,
      statement: kr.statement,
      type: kr.type,
      baselineValue: kr.baselineValue,
      targetValue: kr.targetValue,
      currentValue: kr.currentValue,
      unit: kr.unit,
      weight: kr.weight,
      owner: kr.owner,
      dueDate: kr.dueDate,
      status: kr.status,
      progress: kr.progress,
      createdAt: kr.createdAt.toISOString(),
      updatedAt: kr.updatedAt.toISOString(),
    };
  }
}
