import { Client } from 'pg';

export interface ServerFacts {
  version: string;
  database: string;
  maxConnections: number;
  // Client backends of the whole server: max_connections is a server-wide limit.
  connectionsInUse: number;
}

export interface LongestQuery {
  pid: number;
  user: string | null;
  application: string | null;
  durationMs: number;
  waitEvent: string | null;
  query: string;
}

export interface ActivitySummary {
  byState: { state: string; count: number }[];
  waitingOnLocks: number;
  longest: LongestQuery | null;
}

export interface DatabaseStats {
  numbackends: number;
  xact_commit: number;
  xact_rollback: number;
  blks_read: number;
  blks_hit: number;
  deadlocks: number;
  temp_files: number;
  temp_bytes: number;
  tup_returned: number;
  tup_fetched: number;
  tup_inserted: number;
  tup_updated: number;
  tup_deleted: number;
  stats_reset: string | null;
}

export interface TableSize {
  table: string;
  rowEstimate: number | null;
  totalBytes: number;
  indexBytes: number;
}

// Counters are cast to float8 and int in SQL so they arrive as numbers, not as int8 strings.
export class PostgresStatisticsReader {
  constructor(private readonly client: Client) {}

  async serverFacts(): Promise<ServerFacts> {
    const { rows } = await this.client.query<ServerFacts>(
      `SELECT current_setting('server_version') AS "version", current_database() AS "database",
              current_setting('max_connections')::int AS "maxConnections",
              (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend') AS "connectionsInUse"`,
    );
    return single(rows);
  }

  async activity(): Promise<ActivitySummary> {
    const byState = await this.client.query<{ state: string; count: number }>(
      `SELECT coalesce(state, 'unknown') AS state, count(*)::int AS count FROM pg_stat_activity
        WHERE datname = current_database() AND backend_type = 'client backend' GROUP BY 1 ORDER BY 2 DESC, 1`,
    );
    const waiting = await this.client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    const longest = await this.client.query<LongestQuery>(
      `SELECT pid, usename AS "user", nullif(application_name, '') AS "application",
              round(extract(epoch FROM clock_timestamp() - query_start) * 1000)::float8 AS "durationMs",
              CASE WHEN wait_event IS NULL THEN NULL ELSE wait_event_type || ':' || wait_event END AS "waitEvent",
              left(regexp_replace(query, '\\s+', ' ', 'g'), 120) AS query
         FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid() AND query_start IS NOT NULL
        ORDER BY query_start LIMIT 1`,
    );
    return { byState: byState.rows, waitingOnLocks: single(waiting.rows).count, longest: longest.rows[0] ?? null };
  }

  async databaseStats(): Promise<DatabaseStats> {
    const counters = [
      'numbackends',
      'xact_commit',
      'xact_rollback',
      'blks_read',
      'blks_hit',
      'deadlocks',
      'temp_files',
      'temp_bytes',
      'tup_returned',
      'tup_fetched',
      'tup_inserted',
      'tup_updated',
      'tup_deleted',
    ];
    const { rows } = await this.client.query<DatabaseStats>(
      `SELECT ${counters.map((c) => `${c}::float8 AS ${c}`).join(', ')}, to_char(stats_reset AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS stats_reset
         FROM pg_stat_database WHERE datname = current_database()`,
    );
    return single(rows);
  }

  // reltuples is -1 until a table is first analysed; the live-tuple counter stands in then.
  async tableSizes(): Promise<TableSize[]> {
    const { rows } = await this.client.query<TableSize>(
      `SELECT c.relname AS "table",
              CASE WHEN c.reltuples >= 0 THEN c.reltuples::float8 ELSE s.n_live_tup::float8 END AS "rowEstimate",
              pg_total_relation_size(c.oid)::float8 AS "totalBytes", pg_indexes_size(c.oid)::float8 AS "indexBytes"
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
        WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema()
        ORDER BY pg_total_relation_size(c.oid) DESC, c.relname`,
    );
    return rows;
  }
}

function single<T>(rows: T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('Postgres returned no row for a statistics query');
  return row;
}
