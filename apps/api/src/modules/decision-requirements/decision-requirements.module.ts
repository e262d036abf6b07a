import { Module } from '@nestjs/common';
import { ObjectivesModule } from '../objectives/objectives.module';
import { DecisionRequirementsController } from './decision-requirements.controller';
import { DecisionRequirementsRepository } from './decision-requirements.repository';
import { DecisionRequirementsService } from './decision-requirements.service';
import { OverdueRequirementsMonitor } from './overdue/overdue-requirements.monitor';
import { TransitionRequirementUseCase } from './use-cases/transition-requirement.use-case';

@Module({
  imports: [ObjectivesModule],
  controllers: [DecisionRequirementsController],
  providers: [
    DecisionRequirementsService,
    TransitionRequirementUseCase,
    DecisionRequirementsRepository,
    OverdueRequirementsMonitor,
  ],
})
export class DecisionRequirementsModule {}
