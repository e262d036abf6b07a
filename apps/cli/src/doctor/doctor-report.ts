// The doctor's report: what `--json` prints as is and the text renderer lays out.
// Operators' scripts read it: change it only additively.
export const SECTION_STATUSES = ['ok', 'warn', 'fail'] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];

export const SECTION_NAMES = ['postgres', 'redis', 'queues', 'services', 'gateway', 'system'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

export const SECTION_TITLES: Record<SectionName, string> = {
  postgres: 'Postgres',
  redis: 'Redis',
  queues: 'Queues',
  services: 'Services',
  gateway: 'Gateway',
  system: 'System',
};

// Key suffixes carry the unit (`_ms`, `_us`, `_percent`, `_bytes`, `_seconds`, `_at` for ISO times).
export type Figure = string | number | boolean | null;
export type FigureRow = Record<string, Figure>;

export interface DoctorSection {
  name: SectionName;
  title: string;
  status: SectionStatus;
  // One line: why the status is what it is.
  reason: string;
  figures: Record<string, Figure>;
  tables: Record<string, FigureRow[]>;
  notes: string[];
}

export interface DoctorReport {
  status: SectionStatus;
  generated_at: string;
  took_ms: number;
  sections: DoctorSection[];
}

const RANK: Record<SectionStatus, number> = { ok: 0, warn: 1, fail: 2 };

export function worstStatus(statuses: readonly SectionStatus[]): SectionStatus {
  return statuses.reduce<SectionStatus>((worst, status) => (RANK[status] > RANK[worst] ? status : worst), 'ok');
}

// A warning is worth reading but is not an outage: only a failing (or unreachable) section fails the run.
export function exitCodeFor(report: DoctorReport): 0 | 1 {
  return report.status === 'fail' ? 1 : 0;
}
