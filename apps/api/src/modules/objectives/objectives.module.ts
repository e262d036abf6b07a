import { Module } from '@nestjs/common';
import { ObjectivesController } from './objectives.controller';
import { ObjectivesRepository } from './objectives.repository';
import { ObjectivesService } from './objectives.service';

@Module({
  controllers: [ObjectivesController],
  providers: [ObjectivesService, ObjectivesRepository],
  exports: [ObjectivesRepository],
})
export class ObjectivesModule {}
