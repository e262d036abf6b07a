import { Module } from '@nestjs/common';
import { QueuesModule } from '@qbm/queues';
import { ApiConfig } from '../../config/api.config';
import { AnomalyAlerts } from './anomaly-alerts.service';
import { PredictionBatchesService } from './prediction-batches.service';
import { PredictionClient } from './prediction-client.service';
import { PredictionCoalescer } from './prediction-coalescer.service';
import { PredictionInputsRepository } from './prediction-inputs.repository';
import { PredictionsController } from './predictions.controller';
import { PredictionsService } from './predictions.service';

// Predictions served by apps/inference over the `predictions` queue. The API only produces jobs:
// the queue check stays out of its readiness (an outage here is a coded 503 on these routes only).
@Module({
  imports: [
    QueuesModule.forRootAsync({
      inject: [ApiConfig],
      useFactory: (config: ApiConfig) => ({
        redisUrl: config.redisUrl,
        shutdownGraceMs: config.shutdownGraceMs,
        health: { readiness: false },
      }),
    }),
  ],
  controllers: [PredictionsController],
  providers: [
    AnomalyAlerts,
    PredictionInputsRepository,
    PredictionCoalescer,
    PredictionClient,
    PredictionsService,
    PredictionBatchesService,
  ],
})
export class PredictionsModule {}
