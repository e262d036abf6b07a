import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface KeyResultInput {
  id: string;
  okrId: string;
  baselineValue: number;
  targetValue: number;
  weight: number;
  periodStart: string;
  periodEnd: string;
  checkIns: { checkedInAt: string; value: number; confidence: number }[];
}

export interface MetricInput {
  id: string;
  frequency: 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';
  isPrimary: boolean;
  values: { measuredOn: string; value: number }[];
}

export interface ModelVersionRecord {
  model: string;
  version: string;
  scoreName: string;
  score: number;
  promoted: boolean;
  card: Record<string, unknown>;
  createdAt: string;
}

export interface LiveQuality {
  scored: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  brier: number;
}

// A forecast model's live quality: its forecast points scored against the actual values. mape is a
// fraction, as ai_model_mape; a zero actual has no percentage error and is left out (null when
// nothing is left).
export interface ForecastLiveQuality {
  scored: number;
  mape: number | null;
}

export interface LedgerEntry {
  organizationId: string;
  targetType: 'okr' | 'key-result';
  targetId: string;
  model: string;
  modelVersion: string;
  probability: number;
  asOf: string;
}

export interface ForecastLedgerEntry {
  organizationId: string;
  metricId: string;
  model: string;
  modelVersion: string;
  origin: string;
  points: readonly { date: string; value: number }[];
}

// What the models read, straight from the tables the OKR and metric modules write, scoped to the
// caller's organisation; and the inference service's registry, read only.
@Injectable()
export class PredictionInputsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // The OKR's key results with their check-ins up to `asOfEnd`, oldest first; null when no such OKR.
  async okrKeyResults(organizationId: string, okrId: string, asOfEnd: string): Promise<KeyResultInput[] | null> {
    const okr: unknown[] = await this.dataSource.query('SELECT 1 FROM okrs WHERE organization_id = $1 AND id = $2', [
      organizationId,
      okrId,
    ]);
    if (okr.length === 0) return null;
    return this.keyResults(organizationId, 'kr.okr_id = $2', okrId, asOfEnd);
  }

  async keyResult(organizationId: string, keyResultId: string, asOfEnd: string): Promise<KeyResultInput | null> {
    const rows = await this.keyResults(organizationId, 'kr.id = $2', keyResultId, asOfEnd);
    return rows[0] ?? null;
  }

  private async keyResults(
    organizationId: string,
    where: string,
    id: string,
    asOfEnd: string,
  ): Promise<KeyResultInput[]> {
    const rows: {
      id: string;
      okr_id: string;
      baseline_value: number;
      target_value: number;
      weight: number;
      period_start: string;
      period_end: string;
      check_ins: { checkedInAt: string; value: number; confidence: number }[] | null;
    }[] = await this.dataSource.query(
      `SELECT kr.id, kr.okr_id, kr.baseline_value, kr.target_value, kr.weight,
              to_char(o.period_start, 'YYYY-MM-DD') AS period_start, to_char(o.period_end, 'YYYY-MM-DD') AS period_end,
              (SELECT json_agg(json_build_object(
                        'checkedInAt', to_char(c.checked_in_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                        'value', c.value, 'confidence', c.confidence) ORDER BY c.checked_in_at, c.id)
                 FROM key_result_check_ins c
                WHERE c.key_result_id = kr.id AND c.organization_id = kr.organization_id AND c.checked_in_at <= $3) AS check_ins
         FROM key_results kr JOIN okrs o ON o.id = kr.okr_id
        WHERE kr.organization_id = $1 AND ${where}
        ORDER BY kr.created_at, kr.id`,
      [organizationId, id, asOfEnd],
    );
    return rows.map((r) => ({
      id: r.id,
      okrId: r.okr_id,
      baselineValue: r.baseline_value,
      targetValue: r.target_value,
      weight: r.weight,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      checkIns: r.check_ins ?? [],
    }));
  }

  // The metric and its stored values up to `to` (all of them when undefined), oldest first.
  async metric(organizationId: string, metricId: string, to?: string): Promise<MetricInput | null> {
    const metrics: { id: string; measurement_frequency: MetricInput['frequency']; is_primary: boolean }[] =
      await this.dataSource.query(
        'SELECT id, measurement_frequency, is_primary FROM north_star_metrics WHERE organization_id = $1 AND id = $2',
        [organizationId, metricId],
      );
    const metric = metrics[0];
    if (!metric) return null;
    const values: { measured_on: string; value: number }[] = await this.dataSource.query(
      `SELECT to_char(measured_on, 'YYYY-MM-DD') AS measured_on, value FROM metric_values
        WHERE organization_id = $1 AND metric_id = $2 AND ($3::date IS NULL OR measured_on <= $3::date)
        ORDER BY measured_on`,
      [organizationId, metricId, to ?? null],
    );
    return {
      id: metric.id,
      frequency: metric.measurement_frequency,
      isPrimary: metric.is_primary,
      values: values.map((v) => ({ measuredOn: v.measured_on, value: v.value })),
    };
  }

  // The inference service's registry; empty until it has migrated and trained its base models.
  async modelVersions(model?: string): Promise<ModelVersionRecord[]> {
    type Row = {
      model: string;
      version: string;
      score_name: string;
      score: number;
      promoted: boolean;
      card: Record<string, unknown>;
      created_at: Date;
    };
    const rows = await this.dataSource
      .query<Row[]>(
        `SELECT model, version, score_name, score, promoted, card, created_at FROM inference_model_versions
          WHERE $1::text IS NULL OR model = $1 ORDER BY model, created_at DESC`,
        [model ?? null],
      )
      .catch(noRowsBeforeInferenceTables<Row>);
    return rows.map((r) => ({
      model: r.model,
      version: r.version,
      scoreName: r.score_name,
      score: r.score,
      promoted: r.promoted,
      card: r.card,
      createdAt: r.created_at.toISOString(),
    }));
  }

  // Live quality per version from the caller's scored predictions (at the 0.5 threshold, like
  // ai_model_accuracy); versions with nothing scored yet are absent.
  async liveQuality(organizationId: string, model: string): Promise<Map<string, LiveQuality>> {
    type Row = {
      model_version: string;
      count: string;
      tp: string;
      fp: string;
      fn: string;
      correct: string;
      brier: number;
    };
    const rows = await this.dataSource
      .query<Row[]>(
        `SELECT model_version, count(*) AS count,
                count(*) FILTER (WHERE probability >= 0.5 AND outcome) AS tp,
                count(*) FILTER (WHERE probability >= 0.5 AND NOT outcome) AS fp,
                count(*) FILTER (WHERE probability < 0.5 AND outcome) AS fn,
                count(*) FILTER (WHERE (probability >= 0.5) = outcome) AS correct,
                avg((probability - CASE WHEN outcome THEN 1 ELSE 0 END) ^ 2) AS brier
           FROM inference_prediction_ledger
          WHERE organization_id = $1 AND model = $2 AND outcome IS NOT NULL
          GROUP BY model_version`,
        [organizationId, model],
      )
      .catch(noRowsBeforeInferenceTables<Row>);
    return new Map(
      rows.map((r) => {
        const [count, tp, fp, fn] = [Number(r.count), Number(r.tp), Number(r.fp), Number(r.fn)];
        const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
        const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
        const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
        return [
          r.model_version,
          { scored: count, accuracy: Number(r.correct) / count, precision, recall, f1, brier: r.brier },
        ];
      }),
    );
  }

  // Live MAPE per version from the caller's forecast points scored so far, as the inference service's
  // ai_model_mape computes it per model; versions with nothing scored yet are absent.
  async forecastLiveQuality(organizationId: string, model: string): Promise<Map<string, ForecastLiveQuality>> {
    type Row = { model_version: string; count: string; mape: number | null };
    const rows = await this.dataSource
      .query<Row[]>(
        `SELECT model_version, count(*) AS count,
                avg(abs((actual - forecast) / actual)) FILTER (WHERE actual <> 0) AS mape
           FROM inference_forecast_ledger
          WHERE organization_id = $1 AND model = $2 AND actual IS NOT NULL
          GROUP BY model_version`,
        [organizationId, model],
      )
      .catch(noRowsBeforeInferenceTables<Row>);
    return new Map(rows.map((r) => [r.model_version, { scored: Number(r.count), mape: r.mape }]));
  }

  // The quality ledger (the inference service's table, which scores it when the OKR closes). The same
  // target, version and day is one prediction: a re-read adds nothing.
  async recordPredictions(entries: readonly LedgerEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const values = entries.map(
      (_, i) =>
        `($${i * 7 + 1}, $${i * 7 + 2}, $${i * 7 + 3}, $${i * 7 + 4}, $${i * 7 + 5}, $${i * 7 + 6}, $${i * 7 + 7})`,
    );
    await this.dataSource.query(
      `INSERT INTO inference_prediction_ledger (organization_id, target_type, target_id, model, model_version, probability, as_of)
       VALUES ${values.join(', ')} ON CONFLICT DO NOTHING`,
      entries.flatMap((e) => [
        e.organizationId,
        e.targetType,
        e.targetId,
        e.model,
        e.modelVersion,
        e.probability,
        e.asOf,
      ]),
    );
  }

  // The forecast side of the ledger (scored by the inference service when each date's actual value
  // arrives). The same metric, version, origin and date is one forecast: a re-read adds nothing.
  async recordForecast(entry: ForecastLedgerEntry): Promise<void> {
    if (entry.points.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO inference_forecast_ledger (organization_id, metric_id, model, model_version, origin, target_date, forecast)
       SELECT $1, $2, $3, $4, $5, p.date, p.value
         FROM unnest($6::date[], $7::double precision[]) AS p(date, value)
       ON CONFLICT DO NOTHING`,
      [
        entry.organizationId,
        entry.metricId,
        entry.model,
        entry.modelVersion,
        entry.origin,
        entry.points.map((p) => p.date),
        entry.points.map((p) => p.value),
      ],
    );
  }
}

// A read of the inference service's tables finds none (42P01) until that service has migrated this
// database: nothing to show yet, not an error.
function noRowsBeforeInferenceTables<Row>(error: unknown): Row[] {
  if ((error as { code?: string }).code === '42P01') return [];
  throw error;
}
