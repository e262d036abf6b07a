import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AiMetrics } from '@qbm/observability';
import { InferenceConfig } from '../config/inference.config';
import { forecastMape, ledgerQuality } from './ledger-quality';
import { PredictionLedgerRepository } from './prediction-ledger.repository';

// Rolling window of the exported quality figures.
const WINDOW_DAYS = 90;

// Scores the ledger as OKRs close and exports the rolling quality per model: ai_model_accuracy and
// its siblings are computed from scored predictions only, never set by hand.
@Injectable()
export class LedgerScorer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LedgerScorer.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly ledger: PredictionLedgerRepository,
    private readonly metrics: AiMetrics,
    private readonly config: InferenceConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.serving.ledgerIntervalMs);
    this.timer.unref();
    void this.tick();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  tick(): Promise<void> {
    this.running = this.running.then(() =>
      this.scoreAndExport().catch((error: unknown) =>
        this.logger.warn(`ledger scoring failed: ${error instanceof Error ? error.message : String(error)}`),
      ),
    );
    return this.running;
  }

  private async scoreAndExport(): Promise<void> {
    const scored = await this.ledger.scoreClosedOkrs();
    if (scored > 0) this.logger.log(`scored ${scored} predictions of closed OKRs`);
    const forecasts = await this.ledger.scoreForecasts();
    if (forecasts > 0) this.logger.log(`scored ${forecasts} forecast points against their actual values`);
    for (const [model, rows] of await this.ledger.scoredForecastsSince(WINDOW_DAYS)) {
      const scoredMape = forecastMape(rows);
      if (scoredMape) this.metrics.aiModelMape.set({ model }, scoredMape.mape);
    }
    for (const [model, rows] of await this.ledger.scoredSince(WINDOW_DAYS)) {
      const quality = ledgerQuality(rows);
      if (!quality) continue;
      this.metrics.aiModelAccuracy.set({ model }, quality.accuracy);
      this.metrics.aiModelPrecision.set({ model }, quality.precision);
      this.metrics.aiModelRecall.set({ model }, quality.recall);
      this.metrics.aiModelF1.set({ model }, quality.f1);
      this.metrics.aiModelBrier.set({ model }, quality.brier);
      this.metrics.aiModelScoredPredictions.set({ model }, quality.count);
    }
  }
}
