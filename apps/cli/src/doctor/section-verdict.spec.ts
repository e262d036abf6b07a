import { DoctorReport, exitCodeFor, worstStatus } from './doctor-report';
import { SectionVerdict, unreachableSection } from './section-verdict';

describe('SectionVerdict', () => {
  it('is ok with the given reason when nothing was found', () => {
    const section = new SectionVerdict().warnIf(false, 'never').section('redis', 'all fine', { figures: { a: 1 } });
    expect(section).toEqual({
      name: 'redis',
      title: 'Redis',
      status: 'ok',
      reason: 'all fine',
      figures: { a: 1 },
      tables: {},
      notes: [],
    });
  });

  it('takes the worst finding and puts failures first in the reason', () => {
    const verdict = new SectionVerdict()
      .warnIf(true, 'memory high')
      .failIf(true, 'api not running')
      .warnIf(true, 'slow');
    expect(verdict.status).toBe('fail');
    expect(verdict.reason('ok')).toBe('api not running; memory high; slow');
  });

  it('turns an unreachable dependency into a failing section', () => {
    expect(unreachableSection('postgres', 'connect ECONNREFUSED 127.0.0.1:1')).toMatchObject({
      name: 'postgres',
      status: 'fail',
      reason: 'unreachable: connect ECONNREFUSED 127.0.0.1:1',
    });
  });
});

describe('report status', () => {
  it('is the worst section status', () => {
    expect(worstStatus([])).toBe('ok');
    expect(worstStatus(['ok', 'warn', 'ok'])).toBe('warn');
    expect(worstStatus(['warn', 'fail', 'ok'])).toBe('fail');
  });

  it('exits 1 only when something failed; warnings exit 0', () => {
    const report = (status: DoctorReport['status']): DoctorReport => ({
      status,
      generated_at: '',
      took_ms: 0,
      sections: [],
    });
    expect(exitCodeFor(report('ok'))).toBe(0);
    expect(exitCodeFor(report('warn'))).toBe(0);
    expect(exitCodeFor(report('fail'))).toBe(1);
  });
});
