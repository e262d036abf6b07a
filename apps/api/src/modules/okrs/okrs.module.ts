import { Module } from '@nestjs/common';
import { ObjectivesModule } from '../objectives/objectives.module';
import { CheckInsController } from './check-ins.controller';
import { CheckInsRepository } from './check-ins.repository';
import { CheckInsService } from './check-ins.service';
import { KeyResultsController } from './key-results.controller';
import { KeyResultsRepository } from './key-results.repository';
import { KeyResultsService } from './key-results.service';
import { OkrsController } from './okrs.controller';
import { OkrsRepository } from './okrs.repository';
import { OkrsService } from './okrs.service';
import { AddKeyResultUseCase } from './use-cases/add-key-result.use-case';
import { ChangeOkrStatusUseCase } from './use-cases/change-okr-status.use-case';
import { CreateOkrUseCase } from './use-cases/create-okr.use-case';
import { RecordCheckInUseCase } from './use-cases/record-check-in.use-case';

@Module({
  imports: [ObjectivesModule],
  controllers: [OkrsController, KeyResultsController, CheckInsController],
  providers: [
    OkrsRepository,
    KeyResultsRepository,
    CheckInsRepository,
    OkrsService,
    KeyResultsService,
    CheckInsService,
    CreateOkrUseCase,
    AddKeyResultUseCase,
    ChangeOkrStatusUseCase,
    RecordCheckInUseCase,
  ],
})
export class OkrsModule {}
