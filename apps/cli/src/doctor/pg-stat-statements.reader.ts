import { Client } from 'pg';
import { FigureRow } from './doctor-report';
import { describeError } from './probe-runner';

export interface StatementTiming {
  query: string;
  calls: number;
  meanMs: number;
  maxMs: number;
  totalMs: number;
  rows: number;
}

export type StatementsReading =
  { kind: 'enabled'; slowest: StatementTiming[] } | { kind: 'not_installed' } | { kind: 'not_loaded'; error: string };

export const ENABLE_PG_STAT_STATEMENTS =
  "set shared_preload_libraries = 'pg_stat_statements' in postgresql.conf, restart Postgres, then run CREATE EXTENSION pg_stat_statements; in this database";

// Top statements by mean execution time, when the extension is there to ask.
export async function readSlowestStatements(client: Client, limit = 5): Promise<StatementsReading> {
  const installed = await client.query("SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'");
  if (installed.rowCount === 0) return { kind: 'not_installed' };
  try {
    const { rows } = await client.query<StatementTiming>(
      `SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 120) AS query, calls::float8 AS calls,
              round(mean_exec_time::numeric, 2)::float8 AS "meanMs", round(max_exec_time::numeric, 2)::float8 AS "maxMs",
              round(total_exec_time::numeric, 2)::float8 AS "totalMs", rows::float8 AS rows
         FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        ORDER BY mean_exec_time DESC LIMIT $1`,
      [limit],
    );
    return { kind: 'enabled', slowest: rows };
  } catch (error) {
    // CREATE EXTENSION succeeds without the preload, but reading the view then fails.
    return { kind: 'not_loaded', error: describeError(error) };
  }
}

// Flagged when the mean passes the slow-query threshold (the "mean query time under 100 ms" target).
export function statementRows(reading: StatementsReading, slowMs: number): FigureRow[] {
  if (reading.kind !== 'enabled') return [];
  return reading.slowest.map((s) => ({
    mean_ms: s.meanMs,
    max_ms: s.maxMs,
    calls: s.calls,
    rows: s.rows,
    slow: s.meanMs > slowMs,
    query: s.query,
  }));
}

export function statementNotes(reading: StatementsReading): string[] {
  switch (reading.kind) {
    case 'enabled':
      return [];
    case 'not_installed':
      return [`pg_stat_statements is not enabled, so there are no per-statement timings: ${ENABLE_PG_STAT_STATEMENTS}`];
    case 'not_loaded':
      return [`pg_stat_statements is installed but not loaded (${reading.error}): ${ENABLE_PG_STAT_STATEMENTS}`];
  }
}
