import { Client } from 'pg';
import { DoctorSection } from './doctor-report';
import { atOrAbove, percentOf, THRESHOLDS } from './doctor-thresholds';
import { readSlowestStatements, statementNotes, statementRows } from './pg-stat-statements.reader';
import { PostgresStatisticsReader } from './postgres-statistics.reader';
import { SectionVerdict } from './section-verdict';

export interface PostgresProbeOptions {
  url: string;
  timeoutMs: number;
  slowStatementMs: number;
}

// The runbook's `SELECT * FROM pg_stat_activity; SELECT * FROM pg_stat_database;`, summarised and judged.
export async function probePostgres(options: PostgresProbeOptions, signal: AbortSignal): Promise<DoctorSection> {
  const client = new Client({
    connectionString: options.url,
    application_name: 'qbm-doctor',
    connectionTimeoutMillis: options.timeoutMs,
    statement_timeout: options.timeoutMs,
    query_timeout: options.timeoutMs,
  });
  client.on('error', () => undefined); // a dropped connection surfaces as the pending query's rejection
  const close = (): void => void client.end().catch(() => undefined);
  signal.addEventListener('abort', close, { once: true });
  try {
    await client.connect();
    const reader = new PostgresStatisticsReader(client);
    const server = await reader.serverFacts();
    const activity = await reader.activity();
    const stats = await reader.databaseStats();
    const statements = await readSlowestStatements(client);
    const tables = await reader.tableSizes();

    const connectionsPercent = percentOf(server.connectionsInUse, server.maxConnections);
    const cacheHitPercent = percentOf(stats.blks_hit, stats.blks_hit + stats.blks_read);
    const slow =
      statements.kind === 'enabled' ? statements.slowest.filter((s) => s.meanMs > options.slowStatementMs) : [];
    const verdict = new SectionVerdict()
      .warnIf(
        atOrAbove(connectionsPercent, THRESHOLDS.postgresConnectionsPercent),
        `${server.connectionsInUse} of ${server.maxConnections} connections in use (${connectionsPercent} %, warn at ${THRESHOLDS.postgresConnectionsPercent} %)`,
      )
      .warnIf(activity.waitingOnLocks > 0, `${activity.waitingOnLocks} session(s) waiting on locks`)
      .warnIf(slow.length > 0, `${slow.length} statement(s) average over ${options.slowStatementMs} ms`);
    const okReason = `PostgreSQL ${server.version}; ${server.connectionsInUse} of ${server.maxConnections} connections; cache hit ${cacheHitPercent ?? 'n/a'} %`;

    return verdict.section('postgres', okReason, {
      figures: {
        server_version: server.version,
        database: server.database,
        max_connections: server.maxConnections,
        connections_in_use: server.connectionsInUse,
        connections_percent: connectionsPercent,
        connections_in_database: activity.byState.reduce((sum, row) => sum + row.count, 0),
        waiting_on_locks: activity.waitingOnLocks,
        longest_active_query_duration_ms: activity.longest?.durationMs ?? null,
        longest_active_query: activity.longest?.query ?? null,
        longest_active_query_pid: activity.longest?.pid ?? null,
        cache_hit_percent: cacheHitPercent,
        ...stats,
        pg_stat_statements: statements.kind === 'enabled',
      },
      tables: {
        connections_by_state: activity.byState,
        slowest_statements: statementRows(statements, options.slowStatementMs),
        tables: tables.map((t) => ({
          table: t.table,
          row_estimate: t.rowEstimate,
          total_bytes: t.totalBytes,
          index_bytes: t.indexBytes,
        })),
      },
      notes: statementNotes(statements),
    });
  } finally {
    signal.removeEventListener('abort', close);
    close();
  }
}
