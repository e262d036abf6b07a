import { testDatabaseUrl, testRedisUrl } from '@qbm/testing';
import { DoctorReport, DoctorSection, FigureRow, SectionName } from '../../../src/doctor/doctor-report';
import { DoctorSettings } from '../../../src/doctor/run-doctor';

// The doctor pointed at this run's own database and Redis index, with no services unless a spec adds them.
export function doctorSettings(overrides: Partial<DoctorSettings> = {}): DoctorSettings {
  return {
    databaseUrl: testDatabaseUrl('cli'),
    redisUrl: testRedisUrl(),
    slowStatementMs: 100,
    queues: [],
    services: [],
    opsToken: null,
    timeoutMs: 3_000,
    ...overrides,
  };
}

export function sectionOf(report: DoctorReport, name: SectionName): DoctorSection {
  const section = report.sections.find((candidate) => candidate.name === name);
  if (!section) throw new Error(`the report has no ${name} section`);
  return section;
}

export function tableOf(section: DoctorSection, table: string): FigureRow[] {
  const rows = section.tables[table];
  if (!rows) throw new Error(`the ${section.name} section has no ${table} table`);
  return rows;
}
