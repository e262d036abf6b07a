import { predictJob, type PredictPayload } from './predict.job';

const KEY_RESULT = {
  baselineValue: 10,
  targetValue: 20,
  periodStart: '2026-01-01',
  periodEnd: '2026-03-31',
  checkIns: [{ checkedInAt: '2026-02-01T09:00:00.000Z', value: 14, confidence: 0.6 }],
};

const PAYLOAD: PredictPayload = {
  items: [
    { kind: 'key-result', id: 'kr-1', asOf: '2026-02-15', history: KEY_RESULT },
    { kind: 'okr', id: 'okr-1', asOf: '2026-02-15', keyResults: [{ ...KEY_RESULT, id: 'kr-1', weight: 1 }] },
    {
      kind: 'forecast',
      id: 'm-1',
      horizon: 7,
      history: { frequency: 'daily', values: [{ measuredOn: '2026-01-01', value: 3 }] },
    },
    { kind: 'anomaly', id: 'm-1', history: { frequency: 'weekly', values: [] }, from: '2026-01-01' },
  ],
};

describe('predict job', () => {
  it('accepts a batch of every kind of item', () => {
    expect(predictJob.payload.parse(PAYLOAD)).toEqual(PAYLOAD);
  });

  it.each([
    ['an empty batch', { items: [] }],
    ['an unknown kind', { items: [{ kind: 'horoscope', id: 'x' }] }],
    ['a date that is not a day', { items: [{ ...PAYLOAD.items[0], asOf: '15/02/2026' }] }],
    [
      'a confidence above 1',
      {
        items: [
          { ...PAYLOAD.items[0], history: { ...KEY_RESULT, checkIns: [{ ...KEY_RESULT.checkIns[0], confidence: 7 }] } },
        ],
      },
    ],
    ['a horizon of 0', { items: [{ ...PAYLOAD.items[2], horizon: 0 }] }],
    ['an OKR without key results', { items: [{ ...PAYLOAD.items[1], keyResults: [] }] }],
  ])('refuses %s', (_case, payload) => {
    expect(predictJob.payload.safeParse(payload).success).toBe(false);
  });

  it('checks results: a probability must be a number', () => {
    const result = { outputs: [{ kind: 'key-result', id: 'kr-1', probability: 'high', drivers: [], features: {} }] };
    expect(predictJob.result.safeParse({ ...result, modelVersions: {}, backend: 'wasm' }).success).toBe(false);
  });
});
