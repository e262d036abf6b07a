import { metricCode, okrCode, okrScope, requirementCode, requirementScope } from './code-format';

describe('code formats', () => {
  it('formats OKR codes by the quarter the period starts in', () => {
    expect(okrCode(okrScope(new Date('2026-01-01')), 1)).toBe('OKR-2026Q1-001');
    expect(okrCode(okrScope(new Date('2026-12-31')), 42)).toBe('OKR-2026Q4-042');
    expect(okrCode(okrScope(new Date('2026-04-01')), 1234)).toBe('OKR-2026Q2-1234');
  });

  it('formats metric and requirement codes', () => {
    expect(metricCode(1)).toBe('NSM-000001');
    expect(requirementCode(requirementScope(new Date('2026-07-09')), 7)).toBe('REQ-2026-0007');
  });
});
