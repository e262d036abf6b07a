import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../../common/pagination/page';
import {
  DecisionRequirement,
  REQUIREMENT_STATUSES,
  REQUIREMENT_TYPES,
  RequirementStatus,
  RequirementType,
} from '../entities/decision-requirement.entity';

export class RequirementResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'REQ-2026-0001' }) code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: REQUIREMENT_TYPES }) type!: RequirementType;
  @ApiProperty() category!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) objectiveId!: string | null;
  @ApiProperty({ description: 'Token subject of whoever created it' }) requester!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) requiredBy!: string | null;
  @ApiProperty({ minimum: 1, maximum: 10 }) priority!: number;
  @ApiProperty({ enum: REQUIREMENT_STATUSES }) status!: RequirementStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Who approved or rejected it' }) approver!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Reason given on approval, rejection or cancellation' })
  decisionReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(r: DecisionRequirement): RequirementResponseDto {
    return {
      id: r.id,
      code: r.code,
      title: r.title,
      description: r.description,
      type: r.type,
      category: r.category,
      objectiveId: r.objectiveId,
      requester: r.requester,
      requiredBy: r.requiredBy,
      priority: r.priority,
      status: r.status,
      approver: r.approver,
      decisionReason: r.decisionReason,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      cancelledAt: r.cancelledAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }
}

export const RequirementPageResponseDto = PageOf(RequirementResponseDto, 'RequirementPage');
