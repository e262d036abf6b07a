import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ObjectivesRepository } from '../objectives/objectives.repository';
import { OkrErrors } from './okrs.errors';
import { OkrsRepository } from './okrs.repository';

export interface OkrLinkChange {
  strategicObjectiveId?: string | null;
  parentOkrId?: string | null;
}

// Checks the strategic objective and parent OKR an OKR points at: both in the caller's organisation,
// and the OKR tree without cycles.
@Injectable()
export class OkrLinksService {
  constructor(
    private readonly okrs: OkrsRepository,
    private readonly objectives: ObjectivesRepository,
  ) {}

  // `okrId` is the OKR being edited; leave it out on create (a new OKR cannot close a cycle). An edit that
  // sets a parent must hold OkrsRepository.lockTree.
  async assertLinks(
    manager: EntityManager,
    organizationId: string,
    change: OkrLinkChange,
    okrId?: string,
  ): Promise<void> {
    const { strategicObjectiveId, parentOkrId } = change;
    if (strategicObjectiveId && !(await this.objectives.exists(organizationId, strategicObjectiveId, manager))) {
      throw OkrErrors.strategicObjectiveNotFound(strategicObjectiveId);
    }
    if (!parentOkrId) return;
    if (!(await this.okrs.existsLocked(manager, organizationId, parentOkrId)))
      throw OkrErrors.parentNotFound(parentOkrId);
    if (okrId && (await this.okrs.isSelfOrDescendant(manager, organizationId, okrId, parentOkrId)))
      throw OkrErrors.parentCycle();
  }
}
