import { bearer } from '../../setup/test-app';
import { useTestApp } from '../../setup/use-test-app';
import { MISSING_ID, okr, okrClient } from './okr-fixtures';

describe('OKR codes', () => {
  const t = useTestApp();

  it('gives 20 concurrent creates in one quarter 20 distinct, consecutive codes', async () => {
    const api = okrClient(t, bearer(t.token('acme', 'editor')));
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api.createOkr(okr({ objective: `Objective ${i}` }))),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const codes = responses.map((r) => r.json().code).sort();
    expect(codes).toEqual(Array.from({ length: 20 }, (_, i) => `OKR-2026Q1-${String(i + 1).padStart(3, '0')}`));
  });

  it("gives a rolled-back create's number back", async () => {
    const api = okrClient(t, bearer(t.token('acme', 'editor')));
    expect((await api.createOkr()).json().code).toBe('OKR-2026Q1-001');
    // Fails inside the transaction, after the code was drawn.
    const refused = await api.createOkr(okr({ parentOkrId: MISSING_ID }));
    expect(refused.statusCode).toBe(422);
    expect((await api.createOkr()).json().code).toBe('OKR-2026Q1-002');
  });
});
