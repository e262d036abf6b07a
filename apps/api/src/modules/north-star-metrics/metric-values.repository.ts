import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Transaction } from '../../database/transaction';
import { MetricPoint } from './domain/metric-health-score';

export interface UpsertCounts {
  inserted: number;
  updated: number;
}

export interface RecentPoints {
  points: MetricPoint[];
  total: number;
}

@Injectable()
export class MetricValuesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // One statement for the whole batch: two arrays unnested into rows, one value per (metric, date).
  // Dates must be distinct (ON CONFLICT cannot touch a row twice). xmax = 0 marks a freshly inserted row.
  async upsert(
    tx: Transaction,
    organizationId: string,
    metricId: string,
    values: readonly MetricPoint[],
  ): Promise<UpsertCounts> {
    const rows: Array<{ inserted: string; updated: string }> = await Transaction.manager(this.dataSource, tx).query(
      `WITH written AS (
         INSERT INTO metric_values (metric_id, measured_on, organization_id, value, recorded_at)
         SELECT $1, v.measured_on, $2, v.value, now()
         FROM unnest($3::date[], $4::float8[]) AS v(measured_on, value)
         ON CONFLICT (metric_id, measured_on) DO UPDATE SET value = EXCLUDED.value, recorded_at = EXCLUDED.recorded_at
         RETURNING (xmax = 0) AS inserted
       )
       SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM written`,
      [metricId, organizationId, values.map((v) => v.date), values.map((v) => v.value)],
    );
    return { inserted: Number(rows[0]?.inserted ?? 0), updated: Number(rows[0]?.updated ?? 0) };
  }

  // The latest `limit` points, returned oldest first, with the metric's total count.
  async recent(metricId: string, limit: number, tx?: Transaction): Promise<RecentPoints> {
    const rows: Array<{ date: string; value: number; total: string }> = await Transaction.manager(
      this.dataSource,
      tx,
    ).query(
      `SELECT to_char(measured_on, 'YYYY-MM-DD') AS date, value, count(*) OVER () AS total
       FROM metric_values WHERE metric_id = $1 ORDER BY measured_on DESC LIMIT $2`,
      [metricId, limit],
    );
    return { points: rows.map(({ date, value }) => ({ date, value })).reverse(), total: Number(rows[0]?.total ?? 0) };
  }

  // The latest `limit` points within [from, to], oldest first.
  async range(
    organizationId: string,
    metricId: string,
    from: string | undefined,
    to: string | undefined,
    limit: number,
  ): Promise<MetricPoint[]> {
    const params: unknown[] = [metricId, organizationId, limit];
    const bounds: string[] = [];
    if (from) bounds.push(`AND measured_on >= $${params.push(from)}::date`);
    if (to) bounds.push(`AND measured_on <= $${params.push(to)}::date`);
    const rows: MetricPoint[] = await this.dataSource.query(
      `SELECT to_char(measured_on, 'YYYY-MM-DD') AS date, value FROM (
         SELECT measured_on, value FROM metric_values
         WHERE metric_id = $1 AND organization_id = $2 ${bounds.join(' ')}
         ORDER BY measured_on DESC LIMIT $3
       ) latest ORDER BY measured_on`,
      params,
    );
    return rows;
  }
}
