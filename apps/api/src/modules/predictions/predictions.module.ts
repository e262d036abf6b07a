import { Module } from '@nestjs/common';
import { AnomalyAlerts } from './anomaly-alerts.service';
import { ModelLifecycleService } from './model-lifecycle.service';
import { PredictionBatchesService } from './prediction-batches.service';
import { PredictionClient } from './prediction-client.service';
import { PredictionCoalescer } from './prediction-coalescer.service';
import { PredictionInputsRepository } from './prediction-inputs.repository';
import { PredictionsController } from './predictions.controller';
import { PredictionsService } from './predictions.service';

// Predictions served by apps/inference over the `predictions` queue, through the app's QueuesModule
// (producer only; an outage here is a coded 503 on these routes only).
@Module({
  controllers: [PredictionsController],
  providers: [
    AnomalyAlerts,
    PredictionInputsRepository,
    PredictionCoalescer,
    PredictionClient,
    PredictionsService,
    PredictionBatchesService,
    ModelLifecycleService,
  ],
})
export class PredictionsModule {}
