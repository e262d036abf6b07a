import { StatementTiming, statementNotes, statementRows } from './pg-stat-statements.reader';

const timing = (query: string, meanMs: number): StatementTiming => ({
  query,
  calls: 10,
  meanMs,
  maxMs: meanMs * 2,
  totalMs: meanMs * 10,
  rows: 10,
});

describe('pg_stat_statements view', () => {
  it('flags statements whose mean passes the slow threshold', () => {
    const rows = statementRows(
      {
        kind: 'enabled',
        slowest: [timing('SELECT slow', 250.5), timing('SELECT edge', 100), timing('SELECT fast', 3)],
      },
      100,
    );
    expect(rows.map((row) => [row.query, row.slow])).toEqual([
      ['SELECT slow', true],
      ['SELECT edge', false],
      ['SELECT fast', false],
    ]);
    expect(rows[0]).toEqual({ mean_ms: 250.5, max_ms: 501, calls: 10, rows: 10, slow: true, query: 'SELECT slow' });
  });

  it('says how to enable the extension when there is nothing to show', () => {
    expect(statementRows({ kind: 'not_installed' }, 100)).toEqual([]);
    expect(statementNotes({ kind: 'not_installed' })[0]).toMatch(
      /not enabled.*shared_preload_libraries.*CREATE EXTENSION pg_stat_statements/,
    );
    expect(statementNotes({ kind: 'not_loaded', error: 'must be loaded via shared_preload_libraries' })[0]).toMatch(
      /installed but not loaded/,
    );
    expect(statementNotes({ kind: 'enabled', slowest: [] })).toEqual([]);
  });
});
