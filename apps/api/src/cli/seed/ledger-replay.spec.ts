import { DemoApiClient, SeedRequestError } from './demo-api.client';
import { LedgerReplay } from './ledger-replay';
import { PlannedOkr } from './okr-plan';

const plan = { owner: 'ceo@demo', periodStart: '2026-01-01', periodEnd: '2026-03-31' } as PlannedOkr;

function client(answer: (url: string) => number) {
  const urls: string[] = [];
  const logs: string[] = [];
  const api = {
    log: (line: string) => logs.push(line),
    get: (_subject: string, url: string) => {
      urls.push(url);
      const status = answer(url);
      return status === 200 ? Promise.resolve({}) : Promise.reject(new SeedRequestError('GET', url, status, '{}'));
    },
  } as unknown as DemoApiClient;
  return { api, urls, logs };
}

describe('LedgerReplay', () => {
  it('asks for the OKR prediction as of a quarter, half and three quarters of its period', async () => {
    const { api, urls } = client(() => 200);
    const replay = new LedgerReplay(api);
    await replay.okr(plan, 'okr-1');
    expect(urls).toEqual([
      '/api/v1/okrs/okr-1/prediction?asOf=2026-01-23',
      '/api/v1/okrs/okr-1/prediction?asOf=2026-02-15',
      '/api/v1/okrs/okr-1/prediction?asOf=2026-03-09',
    ]);
    expect(replay.replayed).toBe(3);
  });

  it('skips a date the model could not serve, and stops for good (saying so once) without an inference service', async () => {
    const { api, urls, logs } = client((url) => (url.endsWith('2026-01-23') ? 422 : url.includes('okr-2') ? 503 : 200));
    const replay = new LedgerReplay(api);
    await replay.okr(plan, 'okr-1');
    await replay.okr(plan, 'okr-2');
    await replay.okr(plan, 'okr-3');
    expect(replay.replayed).toBe(2);
    expect(urls.filter((u) => u.includes('okr-2'))).toHaveLength(2);
    expect(urls.some((u) => u.includes('okr-3'))).toBe(false);
    expect(logs).toHaveLength(1);
  });

  it('lets any other failure through', async () => {
    const { api } = client(() => 500);
    await expect(new LedgerReplay(api).okr(plan, 'okr-1')).rejects.toThrow('answered 500');
  });
});
