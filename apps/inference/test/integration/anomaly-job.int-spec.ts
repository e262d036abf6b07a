import type { PredictionItem } from '@qbm/contracts';
import { SeededRandom } from '../../src/random/seeded-random';
import { startTestInference, type TestInference } from '../setup/test-inference';

const day = (i: number): string => new Date(Date.UTC(2025, 11, 1 + i)).toISOString().slice(0, 10);
const week = (i: number): string => new Date(Date.UTC(2025, 11, 1 + 7 * i)).toISOString().slice(0, 10);

// Like the demo seed's daily metrics: a growing trend with a weekday rhythm and 4 % noise, a year long.
function dailyMetric(seed: number, spikes: ReadonlyMap<number, number>) {
  const random = new SeededRandom(seed);
  return Array.from({ length: 365 }, (_, i) => {
    const rhythm = [0.8, 1.05, 1.08, 1.08, 1.06, 1.0, 0.85][i % 7] as number;
    const value = (5000 + 4 * i) * rhythm * (1 + random.normal(0, 0.04)) * (spikes.get(i) ?? 1);
    return { measuredOn: day(i), value: Math.round(value) };
  });
}

const anomaly = (
  id: string,
  frequency: 'daily' | 'weekly',
  values: { measuredOn: string; value: number }[],
  from: string,
) => ({ kind: 'anomaly', id, history: { frequency, values }, from }) as PredictionItem;

describe('anomaly items on the predictions queue', () => {
  let inference: TestInference;

  beforeAll(async () => {
    inference = await startTestInference();
  });
  afterAll(async () => {
    await inference.close();
  });

  it('flags the planted spike and dip after `from`, learning the pattern from the history before it', async () => {
    // Planted: one before `from` (not in the answer), a spike and a dip after it.
    const planted = new Map([
      [90, 1.8],
      [250, 1.9],
      [300, 0.5],
    ]);
    const values = dailyMetric(7, planted);
    const from = day(182);
    const { result } = await inference.predict({
      items: [anomaly('planted', 'daily', values, from), anomaly('clean', 'daily', dailyMetric(7, new Map()), from)],
    });
    const [scored, clean] = result.outputs;
    if (scored?.kind !== 'anomaly' || clean?.kind !== 'anomaly') throw new Error('expected anomaly outputs');
    expect(scored.values).toHaveLength(365 - 182);
    expect(scored.values[0]?.measuredOn).toBe(from);
    const flagged = scored.values.filter((v) => v.flagged).map((v) => [v.measuredOn, v.reason]);
    expect(flagged).toEqual(
      expect.arrayContaining([
        [day(250), 'spike'],
        [day(300), 'dip'],
      ]),
    );
    // They stand out: the two highest scores of the half year, and the same dates in the clean series are not flagged.
    const top = [...scored.values].sort((a, b) => b.score - a.score).slice(0, 2);
    expect(top.map((v) => v.measuredOn).sort()).toEqual([day(250), day(300)]);
    expect(clean.values.filter((v) => v.flagged && [day(250), day(300)].includes(v.measuredOn))).toEqual([]);
  });

  it('does not flag an ordinary week of a small integer count whose MAD is 0', async () => {
    const random = new SeededRandom(3);
    const counts = Array.from({ length: 52 }, (_, i) => ({
      measuredOn: week(i),
      value: random.next() < 0.7 ? 1 : random.next() < 0.5 ? 0 : 2,
    }));
    const { result } = await inference.predict({ items: [anomaly('p1', 'weekly', counts, week(26))] });
    const [scored] = result.outputs;
    if (scored?.kind !== 'anomaly') throw new Error('expected an anomaly output');
    expect(scored.values.filter((v) => v.flagged)).toEqual([]);
    expect(Math.max(...scored.values.map((v) => v.score))).toBeLessThan(5);
  });
});
