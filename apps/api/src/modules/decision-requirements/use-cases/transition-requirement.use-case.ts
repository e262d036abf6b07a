import { Injectable } from '@nestjs/common';
import { Principal } from '@qbm/http';
import { RequirementResponseDto } from '../dto/requirement.response.dto';
import { RequirementErrors } from '../decision-requirements.errors';
import { DecisionRequirementsRepository } from '../decision-requirements.repository';
import { RequirementAction, transitionRequirement } from '../domain/requirement-workflow';

// submit, approve, reject and cancel. The row is locked while the transition is decided, so of two
// concurrent decisions the second sees the first's outcome and is refused as an illegal transition.
@Injectable()
export class TransitionRequirementUseCase {
  constructor(private readonly requirements: DecisionRequirementsRepository) {}

  async execute(
    principal: Principal,
    id: string,
    action: RequirementAction,
    reason: string | null = null,
  ): Promise<RequirementResponseDto> {
    const org = principal.organizationId;
    const saved = await this.requirements.inTransaction(async (tx) => {
      const requirement = await this.requirements.findForUpdate(tx, org, id);
      if (!requirement) throw RequirementErrors.notFound(id);
      const changes = transitionRequirement(requirement, { action, actor: principal.subject, reason, at: new Date() });
      Object.assign(requirement, changes);
      return this.requirements.save(tx, requirement);
    });
    return RequirementResponseDto.from(saved);
  }
}
