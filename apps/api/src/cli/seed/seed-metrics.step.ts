import { addDays } from './calendar-dates';
import { DemoApiClient } from './demo-api.client';
import { DEMO_METRICS } from './demo-metrics.catalogue';
import { generateSeries } from './metric-series.generator';
import { ObjectiveIds } from './seed-objectives.step';
import { SeededRandom } from './seeded-random';

export interface MetricsSeeded {
  metrics: number;
  values: number;
  anomalies: number;
}

const ANALYST = 'data.silva@demo';
const DAYS_OF_HISTORY = 365;

// Each metric with a year of measurements up to yesterday, sent as one batch so health is computed once.
export async function seedMetrics(api: DemoApiClient, goals: ObjectiveIds, today: Date): Promise<MetricsSeeded> {
  const yesterday = addDays(today, -1);
  const year = { start: addDays(yesterday, -(DAYS_OF_HISTORY - 1)), end: yesterday };
  let values = 0;
  let anomalies = 0;
  for (const m of DEMO_METRICS) {
    const created = await api.post<{ id: string }>(ANALYST, '/api/v1/north-star-metrics', {
      name: m.name,
      description: m.description,
      objectiveId: m.goal ? goals.get(m.goal) : undefined,
      type: m.type,
      unit: m.unit,
      direction: m.direction,
      baselineValue: m.baseline,
      targetValue: m.target,
      frequency: m.frequency,
      isPrimary: m.primary ?? false,
    });
    const series = generateSeries(m.model, m.frequency, year, SeededRandom.for(`metric:${m.name}`));
    await api.post(ANALYST, `/api/v1/north-star-metrics/${created.id}/values`, { values: series.points });
    values += series.points.length;
    anomalies += series.anomalies.length;
  }
  return { metrics: DEMO_METRICS.length, values, anomalies };
}
