import { Module } from '@nestjs/common';
import { ObjectivesModule } from '../objectives/objectives.module';
import { MetricValuesRepository } from './metric-values.repository';
import { NorthStarMetricsController } from './north-star-metrics.controller';
import { NorthStarMetricsRepository } from './north-star-metrics.repository';
import { NorthStarMetricsService } from './north-star-metrics.service';
import { CreateMetricUseCase } from './use-cases/create-metric.use-case';
import { IngestMetricValuesUseCase } from './use-cases/ingest-metric-values.use-case';
import { UpdateMetricUseCase } from './use-cases/update-metric.use-case';

@Module({
  imports: [ObjectivesModule],
  controllers: [NorthStarMetricsController],
  providers: [
    NorthStarMetricsService,
    NorthStarMetricsRepository,
    MetricValuesRepository,
    CreateMetricUseCase,
    UpdateMetricUseCase,
    IngestMetricValuesUseCase,
  ],
})
export class NorthStarMetricsModule {}
