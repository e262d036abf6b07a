import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { PredictionOutput } from '@qbm/contracts';
import { JobProducer } from '@qbm/queues';
import Redis from 'ioredis';

type ScoredValue = Extract<PredictionOutput, { kind: 'anomaly' }>['values'][number];

// Only the latest values are news: an old anomaly found on a first read of a long history is not.
const RECENT_VALUES = 3;
// Remembered long after BullMQ forgets the job, so a re-read next month raises nothing either.
const REMEMBER_SECONDS = 400 * 24 * 3600;

// A new anomaly on a primary metric raises one internal alert (a raise-alert job the notifier
// delivers), once per metric and day however often the anomalies are read.
@Injectable()
export class AnomalyAlerts {
  constructor(
    private readonly producer: JobProducer,
    private readonly redis: Redis,
  ) {}

  async raiseNew(organizationId: string, metricId: string, values: readonly ScoredValue[]): Promise<number> {
    let raised = 0;
    for (const value of values.slice(-RECENT_VALUES).filter((v) => v.flagged)) {
      const key = `ai:anomaly-alerted:${metricId}:${value.measuredOn}`;
      const first = await this.redis.set(key, '1', 'EX', REMEMBER_SECONDS, 'NX').catch(() => null);
      if (first !== 'OK') continue;
      await this.producer
        .enqueue('raise-alert', {
          alertname: 'NorthStarMetricAnomaly',
          severity: 'warning',
          status: 'firing',
          labels: { organization: organizationId, metric_id: metricId, reason: value.reason ?? 'anomaly' },
          annotations: {
            summary: `Anomaly on a primary north-star metric (${value.reason ?? 'anomaly'})`,
            description: `Metric ${metricId} measured ${value.value} on ${value.measuredOn}; expected about ${value.expected.toFixed(2)} (score ${value.score.toFixed(1)}).`,
          },
          startsAt: `${value.measuredOn}T00:00:00.000Z`,
          fingerprint: createHash('sha256').update(`${metricId}:${value.measuredOn}`).digest('hex').slice(0, 32),
          source: 'api',
        })
        .then(() => (raised += 1))
        // The key is released so a later read retries the alert.
        .catch(() => this.redis.del(key).catch(() => undefined));
    }
    return raised;
  }
}
