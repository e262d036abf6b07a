import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../../common/pagination/page';
import {
  OBJECTIVE_STATUSES,
  OBJECTIVE_TYPES,
  ObjectiveStatus,
  ObjectiveType,
  StrategicObjective,
} from '../entities/strategic-objective.entity';

export class ObjectiveResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: OBJECTIVE_TYPES }) type!: ObjectiveType;
  @ApiProperty() content!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId!: string | null;
  @ApiProperty({ minimum: 1, maximum: 10 }) priority!: number;
  @ApiProperty({ enum: OBJECTIVE_STATUSES }) status!: ObjectiveStatus;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startDate!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) targetDate!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) completionDate!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(o: StrategicObjective): ObjectiveResponseDto {
    return {
      id: o.id,
      name: o.name,
      type: o.type,
      content: o.content,
      description: o.description,
      parentId: o.parentId,
      priority: o.priority,
      status: o.status,
      startDate: o.startDate,
      targetDate: o.targetDate,
      completionDate: o.completionDate,
      createdAt: o.createdAt.toISOString(),
      updatedAt: o.updatedAt.toISOString(),
    };
  }
}

export const ObjectivePageResponseDto = PageOf(ObjectiveResponseDto, 'ObjectivePage');
