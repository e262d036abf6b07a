import { DoctorReport } from './doctor-report';
import { SectionVerdict, unreachableSection } from './section-verdict';
import { renderTextReport } from './text-report.renderer';

const report: DoctorReport = {
  status: 'fail',
  generated_at: '2026-03-01T10:00:00.000Z',
  took_ms: 412,
  sections: [
    new SectionVerdict().section('postgres', 'PostgreSQL 15.4; 7 of 100 connections', {
      figures: { server_version: '15.4', connections_in_use: 7, cache_hit_percent: 99.9 },
      tables: {
        connections_by_state: [
          { state: 'idle', count: 6 },
          { state: 'active', count: 12 },
        ],
        slowest_statements: [],
      },
      notes: ['pg_stat_statements is not enabled'],
    }),
    unreachableSection('redis', 'connect ECONNREFUSED 127.0.0.1:6390'),
    new SectionVerdict()
      .warnIf(true, 'disk / 93 % used (warn at 90 %)')
      .section('system', '', { figures: { disk_percent: 93 } }),
  ],
};

describe('renderTextReport', () => {
  const text = renderTextReport(report, { color: false });
  const lines = text.split('\n');

  it('heads the report with the overall status', () => {
    expect(lines[0]).toBe('QBM doctor  2026-03-01T10:00:00.000Z  (412 ms)  overall: FAIL');
  });

  it('gives each section its status, aligned title and one-line reason', () => {
    expect(lines).toContain('OK    Postgres  PostgreSQL 15.4; 7 of 100 connections');
    expect(lines).toContain('FAIL  Redis     unreachable: connect ECONNREFUSED 127.0.0.1:6390');
    expect(lines).toContain('WARN  System    disk / 93 % used (warn at 90 %)');
  });

  it('aligns figures with their units, and tables with numbers to the right', () => {
    expect(lines).toContain('      server version      15.4');
    expect(lines).toContain('      connections in use  7');
    expect(lines).toContain('      cache hit %         99.9 %');
    const table = lines.slice(
      lines.indexOf('      connections by state:') + 1,
      lines.indexOf('      connections by state:') + 4,
    );
    expect(table).toEqual(['        state   count', '        idle        6', '        active     12']);
    expect(lines).toContain('      slowest statements: none');
    expect(lines).toContain('      note: pg_stat_statements is not enabled');
  });

  it('has no escape codes off a terminal, and colours the statuses on one', () => {
    expect(text).not.toContain('\u001b[');
    const coloured = renderTextReport(report, { color: true });
    expect(coloured).toContain('\u001b[31mFAIL  \u001b[0m');
    expect(coloured).toContain('\u001b[32mOK    \u001b[0m');
  });

  it('ends with a single newline', () => {
    expect(text.endsWith('%\n')).toBe(true);
  });
});
