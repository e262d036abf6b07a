import { DomainError } from '@qbm/http';
import { assertDeadline } from './requirement-deadline';

describe('assertDeadline', () => {
  it('requires a requiredBy date for emergencies', () => {
    let thrown: unknown;
    try {
      assertDeadline({ type: 'emergency', requiredBy: null });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'DECISION_REQUIREMENT.REQUIRED_BY_MISSING', kind: 'unprocessable' });
    expect(() => assertDeadline({ type: 'emergency', requiredBy: '2026-03-01' })).not.toThrow();
  });

  it.each(['strategic', 'tactical', 'operational'] as const)('lets %s requirements leave it open', (type) => {
    expect(() => assertDeadline({ type, requiredBy: null })).not.toThrow();
  });
});
