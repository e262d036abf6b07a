import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ObjectivesRepository } from '../objectives/objectives.repository';
import { NorthStarMetric } from './entities/north-star-metric.entity';
import { MetricHealth, computeMetricHealth, healthWindowSize, metricImportance } from './metric-health-score';
import { MetricValuesRepository } from './metric-values.repository';

export interface MetricHealthEvaluation {
  health: MetricHealth | null;
  importance: number;
  currentValue: number | null;
  dataPoints: number;
  asOf: Date;
}

// Feeds the stored values and the linked objective's priority to the pure health score. Ingest, edits
// and GET /health all go through here, so the stored score and the one on demand agree.
@Injectable()
export class MetricHealthService {
  constructor(
    private readonly values: MetricValuesRepository,
    private readonly objectives: ObjectivesRepository,
  ) {}

  async evaluate(manager: EntityManager, metric: NorthStarMetric, asOf = new Date()): Promise<MetricHealthEvaluation> {
    const { points, total } = await this.values.recent(manager, metric.id, healthWindowSize(metric.frequency));
    const objectivePriority = await this.objectivePriority(manager, metric);
    const input = { ...metric, objectivePriority, points, asOf };
    return {
      health: computeMetricHealth(input),
      importance: metricImportance(input),
      currentValue: points[points.length - 1]?.value ?? null,
      dataPoints: total,
      asOf,
    };
  }

  // Sets current value, score and band on the entity; the caller holds the row lock and saves.
  async refresh(manager: EntityManager, metric: NorthStarMetric): Promise<void> {
    const { health, currentValue } = await this.evaluate(manager, metric);
    metric.currentValue = currentValue;
    metric.healthScore = health?.score ?? null;
    metric.healthBand = health?.band ?? null;
  }

  private async objectivePriority(manager: EntityManager, metric: NorthStarMetric): Promise<number | null> {
    if (metric.isPrimary || !metric.objectiveId) return null;
    const objective = await this.objectives.findById(metric.organizationId, metric.objectiveId, manager);
    return objective?.priority ?? null;
  }
}
