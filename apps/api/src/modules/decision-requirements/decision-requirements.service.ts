import { Injectable } from '@nestjs/common';
import { Principal, validationFailed } from '@qbm/http';
import { CodeSequencesRepository } from '../../common/codes/code-sequences.repository';
import { requirementCode, requirementScope } from '../../common/codes/code-format';
import { Page, mapPage } from '../../common/pagination/page';
import { Transaction } from '../../database/transaction';
import { ObjectivesRepository } from '../objectives/objectives.repository';
import { CreateRequirementRequestDto } from './dto/create-requirement.request.dto';
import { ListRequirementsRequestDto } from './dto/list-requirements.request.dto';
import { RequirementResponseDto } from './dto/requirement.response.dto';
import { UpdateRequirementRequestDto } from './dto/update-requirement.request.dto';
import { RequirementErrors } from './decision-requirements.errors';
import { DecisionRequirementsRepository } from './decision-requirements.repository';
import { assertDeadline } from './domain/requirement-deadline';
import { isEditable } from './domain/requirement-workflow';

// Requirements are not in the read cache (CACHE_TTL_SECONDS has no entry for them): reads go straight to Postgres.
@Injectable()
export class DecisionRequirementsService {
  constructor(
    private readonly requirements: DecisionRequirementsRepository,
    private readonly objectives: ObjectivesRepository,
    private readonly codes: CodeSequencesRepository,
  ) {}

  async create(principal: Principal, dto: CreateRequirementRequestDto): Promise<RequirementResponseDto> {
    const org = principal.organizationId;
    const saved = await this.requirements.inTransaction(async (tx) => {
      await this.checkObjective(tx, org, dto.objectiveId);
      const requirement = this.requirements.create({
        organizationId: org,
        title: dto.title,
        description: dto.description ?? '',
        type: dto.type,
        category: dto.category,
        objectiveId: dto.objectiveId ?? null,
        requester: principal.subject,
        requiredBy: dto.requiredBy ?? null,
        priority: dto.priority,
        status: 'draft',
      });
      assertDeadline(requirement);
      // Numbered inside the insert's transaction: a rolled-back create gives its number back.
      const scope = requirementScope(new Date());
      requirement.code = requirementCode(scope, await this.codes.next(tx, org, scope));
      return this.requirements.save(tx, requirement);
    });
    return RequirementResponseDto.from(saved);
  }

  async update(principal: Principal, id: string, dto: UpdateRequirementRequestDto): Promise<RequirementResponseDto> {
    const org = principal.organizationId;
    const saved = await this.requirements.inTransaction(async (tx) => {
      const requirement = await this.requirements.findForUpdate(tx, org, id);
      if (!requirement) throw RequirementErrors.notFound(id);
      if (!isEditable(requirement.status)) throw RequirementErrors.notEditable(requirement.status);
      if (dto.objectiveId !== requirement.objectiveId) await this.checkObjective(tx, org, dto.objectiveId);
      for (const [field, value] of Object.entries(dto) as Array<[keyof UpdateRequirementRequestDto, unknown]>) {
        if (value !== undefined) Object.assign(requirement, { [field]: value });
      }
      assertDeadline(requirement);
      return this.requirements.save(tx, requirement);
    });
    return RequirementResponseDto.from(saved);
  }

  async remove(principal: Principal, id: string): Promise<void> {
    if (!(await this.requirements.delete(principal.organizationId, id))) throw RequirementErrors.notFound(id);
  }

  async get(principal: Principal, id: string): Promise<RequirementResponseDto> {
    const requirement = await this.requirements.findById(principal.organizationId, id);
    if (!requirement) throw RequirementErrors.notFound(id);
    return RequirementResponseDto.from(requirement);
  }

  async list(principal: Principal, query: ListRequirementsRequestDto): Promise<Page<RequirementResponseDto>> {
    if (query.priorityMin !== undefined && query.priorityMax !== undefined && query.priorityMin > query.priorityMax) {
      throw validationFailed([
        { field: 'priorityMin', reason: 'range', message: 'priorityMin must not be greater than priorityMax' },
      ]);
    }
    return mapPage(await this.requirements.list(principal.organizationId, query), (r) =>
      RequirementResponseDto.from(r),
    );
  }

  private async checkObjective(tx: Transaction, org: string, objectiveId: string | null | undefined): Promise<void> {
    if (objectiveId && !(await this.objectives.exists(org, objectiveId, tx)))
      throw RequirementErrors.objectiveNotFound(objectiveId);
  }
}
