import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ScoredForecast, ScoredPrediction } from './ledger-quality';

const UNDEFINED_TABLE = '42P01';

// The ledger rows, and the API's OKR tables read for outcomes (one shared database).
@Injectable()
export class PredictionLedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  // Scores every unscored prediction whose OKR has closed (completed or failed; a cancelled OKR has
  // no outcome). An OKR is achieved at a final score of 0.7, the app's rule; a key result when it
  // reached its target on its side of the baseline. Returns the rows scored.
  async scoreClosedOkrs(): Promise<number> {
    try {
      const okrs: unknown[] = await this.dataSource.query(`
        UPDATE inference_prediction_ledger l
           SET outcome = COALESCE(o.final_score, o.progress) >= 0.7, scored_at = now()
          FROM okrs o
         WHERE l.outcome IS NULL AND l.target_type = 'okr' AND o.id = l.target_id
           AND o.organization_id = l.organization_id AND o.status IN ('completed', 'failed')
        RETURNING l.id`);
      const keyResults: unknown[] = await this.dataSource.query(`
        UPDATE inference_prediction_ledger l
           SET outcome = CASE WHEN kr.target_value >= kr.baseline_value THEN kr.current_value >= kr.target_value
                              ELSE kr.current_value <= kr.target_value END,
               scored_at = now()
          FROM key_results kr JOIN okrs o ON o.id = kr.okr_id
         WHERE l.outcome IS NULL AND l.target_type = 'key-result' AND kr.id = l.target_id
           AND kr.organization_id = l.organization_id AND o.status IN ('completed', 'failed')
        RETURNING l.id`);
      return rowCount(okrs) + rowCount(keyResults);
    } catch (error) {
      // The API has not migrated this database (a service started on its own): nothing to score yet.
      if ((error as { code?: string }).code === UNDEFINED_TABLE) return 0;
      throw error;
    }
  }

  // Scores every served forecast point whose date now has an actual value (the API's metric_values).
  // Returns the points scored.
  async scoreForecasts(): Promise<number> {
    try {
      const rows: unknown[] = await this.dataSource.query(`
        UPDATE inference_forecast_ledger l
           SET actual = v.value, scored_at = now()
          FROM metric_values v
         WHERE l.actual IS NULL AND v.metric_id = l.metric_id AND v.organization_id = l.organization_id
           AND v.measured_on = l.target_date
        RETURNING l.id`);
      return rowCount(rows);
    } catch (error) {
      if ((error as { code?: string }).code === UNDEFINED_TABLE) return 0;
      throw error;
    }
  }

  // Scored forecast points per model over the rolling window.
  scoredForecastsSince(days: number): Promise<Map<string, ScoredForecast[]>> {
    return this.byModel<ScoredForecast>(
      `SELECT model, forecast, actual FROM inference_forecast_ledger
        WHERE actual IS NOT NULL AND scored_at > now() - make_interval(days => $1)`,
      days,
      (row) => ({ forecast: row.forecast as number, actual: row.actual as number }),
    );
  }

  // Scored predictions per model over the rolling window, OKR and key-result predictions together.
  scoredSince(days: number): Promise<Map<string, ScoredPrediction[]>> {
    return this.byModel<ScoredPrediction>(
      `SELECT model, probability, outcome FROM inference_prediction_ledger
        WHERE outcome IS NOT NULL AND scored_at > now() - make_interval(days => $1)`,
      days,
      (row) => ({ probability: row.probability as number, outcome: row.outcome as boolean }),
    );
  }

  private async byModel<T>(
    sql: string,
    days: number,
    read: (row: Record<string, unknown>) => T,
  ): Promise<Map<string, T[]>> {
    const rows: ({ model: string } & Record<string, unknown>)[] = await this.dataSource.query(sql, [days]);
    const byModel = new Map<string, T[]>();
    for (const row of rows) {
      const list = byModel.get(row.model) ?? [];
      list.push(read(row));
      byModel.set(row.model, list);
    }
    return byModel;
  }
}

// UPDATE … RETURNING comes back from the pg driver as [rows, count].
function rowCount(result: unknown[]): number {
  const [rows] = result;
  return Array.isArray(rows) ? rows.length : result.length;
}
