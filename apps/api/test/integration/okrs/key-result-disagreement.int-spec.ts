import { useInferenceTables } from '../predictions/inference-tables';
import { keyResult, useOkrApi } from './okr-fixtures';

describe('key results flagged by owner/model disagreement', () => {
  const { t, api } = useOkrApi();
  useInferenceTables(t);

  // A served key-result prediction in the quality ledger, as the prediction routes store it.
  async function served(keyResultId: string, probability: number, asOf: string): Promise<void> {
    await t.dataSource.query(
      `INSERT INTO inference_prediction_ledger (organization_id, target_type, target_id, model, model_version, probability, as_of)
       SELECT organization_id, 'key-result', id, 'okr-achievement', 'okr-achievement-test', $2, $3 FROM key_results WHERE id = $1`,
      [keyResultId, probability, asOf],
    );
  }

  async function checkIn(keyResultId: string, confidence: number, checkedInAt: string): Promise<void> {
    expect((await api.checkIn(keyResultId, { value: 10, confidence, checkedInAt })).statusCode).toBe(201);
  }

  it("filters an OKR's key results on the latest confidence against the latest served probability", async () => {
    const okr = await api.activeOkr([keyResult(), keyResult(), keyResult(), keyResult()]);
    const [apart, close, unserved, changed] = okr.keyResults.map((kr) => kr.id);
    // Owner 0.9, model 0.2: flagged.
    await checkIn(apart!, 0.9, '2026-01-20T10:00:00.000Z');
    await served(apart!, 0.2, '2026-01-21');
    // Owner 0.6, model 0.4: 0.2 apart, not flagged.
    await checkIn(close!, 0.6, '2026-01-20T10:00:00.000Z');
    await served(close!, 0.4, '2026-01-21');
    // A check-in but nothing served: not flagged.
    await checkIn(unserved!, 0.1, '2026-01-20T10:00:00.000Z');
    // The latest of each counts: an old check-in and an old prediction that disagreed no longer do.
    await checkIn(changed!, 0.1, '2026-01-10T10:00:00.000Z');
    await checkIn(changed!, 0.8, '2026-01-25T10:00:00.000Z');
    await served(changed!, 0.9, '2026-01-11');
    await served(changed!, 0.7, '2026-01-26');

    const ids = async (query: string) => {
      const reply = await api.call<{ data: { id: string }[] }>('GET', `/okrs/${okr.id}/key-results${query}`);
      expect(reply.statusCode).toBe(200);
      return reply.json().data.map((kr) => kr.id);
    };
    expect(await ids('?disagreement=true')).toEqual([apart]);
    expect(await ids('?disagreement=false')).toEqual([close, unserved, changed]);
    expect(await ids('')).toEqual([apart, close, unserved, changed]);

    // A new prediction that agrees clears the flag at once (the filtered list is not cached).
    await served(apart!, 0.85, '2026-01-22');
    expect(await ids('?disagreement=true')).toEqual([]);
  });

  it('refuses a disagreement that is not a boolean with a field problem', async () => {
    const okr = await api.activeOkr();
    const reply = await api.call('GET', `/okrs/${okr.id}/key-results?disagreement=maybe`);
    expect(reply.statusCode).toBe(400);
    expect(reply.json().details.map((d) => d.field)).toContain('disagreement');
  });
});
