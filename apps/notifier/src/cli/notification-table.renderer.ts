import type { HistoryRow } from '../notifications/notification-history.repository';

const COLUMNS: Array<[string, (row: HistoryRow) => string]> = [
  ['id', (row) => row.id],
  ['created (UTC)', (row) => row.created_at.slice(0, 19).replace('T', ' ')],
  ['state', (row) => row.state],
  ['to', (row) => `${row.channel}:${row.destination}`],
  ['alert', (row) => `${row.status === 'resolved' ? 'RESOLVED ' : ''}${row.title} (${row.severity})`],
  ['tries', (row) => String(row.attempts)],
  ['last error', (row) => (row.last_error ?? '').slice(0, 80)],
];

// A fixed-width table for a terminal; `--json` gives the rows as they are.
export function renderNotificationTable(rows: readonly HistoryRow[]): string {
  if (rows.length === 0) return 'no notifications match\n';
  const cells = rows.map((row) => COLUMNS.map(([, cell]) => cell(row)));
  const widths = COLUMNS.map(([title], index) =>
    Math.max(title.length, ...cells.map((line) => line[index]?.length ?? 0)),
  );
  const line = (values: string[]): string =>
    values
      .map((value, i) => value.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return `${[line(COLUMNS.map(([title]) => title)), ...cells.map(line)].join('\n')}\n`;
}
