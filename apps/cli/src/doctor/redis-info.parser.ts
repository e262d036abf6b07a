import { FigureRow } from './doctor-report';

// `INFO` answers `field:value` lines under `# Section` headers; field names are unique across sections.
export function parseRedisInfo(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1));
  }
  return fields;
}

export function numberField(info: Map<string, string>, field: string): number {
  const value = Number(info.get(field));
  return Number.isFinite(value) ? value : 0;
}

// `db0:keys=12,expires=3,avg_ttl=1800000` → one row per logical database.
export function keyspaceRows(info: Map<string, string>): FigureRow[] {
  const rows: FigureRow[] = [];
  for (const [field, value] of info) {
    if (!/^db\d+$/.test(field)) continue;
    const parts = new Map(value.split(',').map((pair) => pair.split('=') as [string, string]));
    rows.push({
      db: Number(field.slice(2)),
      keys: Number(parts.get('keys') ?? 0),
      expires: Number(parts.get('expires') ?? 0),
      avg_ttl_ms: Number(parts.get('avg_ttl') ?? 0),
    });
  }
  return rows;
}

// SLOWLOG GET entries: [id, unix seconds, duration µs, [command, ...args], client address?, client name?].
export function slowlogRows(reply: unknown, maxCommandLength = 120): FigureRow[] {
  if (!Array.isArray(reply)) return [];
  return reply.flatMap((entry: unknown): FigureRow[] => {
    if (!Array.isArray(entry) || entry.length < 4) return [];
    const [id, seconds, micros, args, client] = entry as unknown[];
    const command = Array.isArray(args) ? args.map(String).join(' ') : String(args);
    return [
      {
        id: Number(id),
        at: new Date(Number(seconds) * 1000).toISOString(),
        duration_us: Number(micros),
        client: typeof client === 'string' && client !== '' ? client : null,
        command: command.length > maxCommandLength ? `${command.slice(0, maxCommandLength - 1)}…` : command,
      },
    ];
  });
}
