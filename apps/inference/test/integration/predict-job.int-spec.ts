import { join } from 'node:path';
import type { PredictionItem } from '@qbm/contracts';
import { waitFor } from '@qbm/testing';
import { okrModelFiles } from '../../src/models/okr-achievement/okr-achievement.artifact';
import { versionId, writeArtifact } from '../../src/artifacts/artifact-directory';
import { loadServedModel } from '../../src/serving/loaded-models';
import { PROMOTION_CHANNEL } from '../../src/serving/promotion-channel';
import { trainSmallOkrModel } from '../setup/small-models';
import { startTestInference, type TestInference } from '../setup/test-inference';

const KEY_RESULT = {
  baselineValue: 100,
  targetValue: 60,
  periodStart: '2026-01-01',
  periodEnd: '2026-03-31',
  checkIns: [
    { checkedInAt: '2026-01-15T10:00:00Z', value: 95, confidence: 0.7 },
    { checkedInAt: '2026-02-05T10:00:00Z', value: 84, confidence: 0.6 },
    { checkedInAt: '2026-02-26T10:00:00Z', value: 76, confidence: 0.5 },
  ],
};
const daily = Array.from({ length: 60 }, (_, i) => ({
  measuredOn: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
  value: 50 + i * 0.5 + (i % 7 === 3 ? 4 : 0),
}));
const ITEMS: PredictionItem[] = [
  { kind: 'key-result', id: 'kr-a', asOf: '2026-03-01', history: KEY_RESULT },
  { kind: 'key-result', id: 'kr-b', asOf: '2026-01-20', history: KEY_RESULT },
  { kind: 'okr', id: 'okr-1', asOf: '2026-03-01', keyResults: [{ ...KEY_RESULT, id: 'kr-a', weight: 1 }] },
  { kind: 'forecast', id: 'metric-1', horizon: 7, history: { frequency: 'daily', values: daily } },
  { kind: 'anomaly', id: 'metric-1', history: { frequency: 'daily', values: daily }, from: '2026-02-01' },
];

describe('predict jobs on the predictions queue', () => {
  let inference: TestInference;

  beforeAll(async () => {
    inference = await startTestInference();
  });
  afterAll(async () => {
    await inference.close();
  });

  it('answers every item of a job with the served versions, as the model in process does', async () => {
    const { result } = await inference.predict({ items: ITEMS });
    expect(result.outputs.map((o) => [o.kind, o.id])).toEqual(ITEMS.map((i) => [i.kind, i.id]));
    expect(result.modelVersions).toEqual(inference.versions);
    expect(result.backend).toBe('cpu');
    const served = await loadServedModel('okr-achievement', inference.modelDir, inference.versions['okr-achievement']);
    const [expected] = served.model.predictKeyResults([{ history: KEY_RESULT, asOf: '2026-03-01' }]);
    const [first] = result.outputs;
    expect(first?.kind === 'key-result' && first.probability).toBeCloseTo(expected?.probability ?? -1, 12);
    expect(first?.kind === 'key-result' && first.drivers).toHaveLength(3);
    const forecast = result.outputs[3];
    expect(forecast?.kind === 'forecast' && forecast.points).toHaveLength(7);
    const metrics = await (await fetch(`${inference.url}/metrics`)).text();
    expect(metrics).toMatch(/ai_predictions_total\{model="okr-achievement",status="success"\} [1-9]/);
    expect(metrics).toMatch(/ai_prediction_batch_size_count\{model="metric-forecast"\} [1-9]/);
  });

  it('fails a malformed job at once, without a retry', async () => {
    const job = await inference.queue.add('predict', { items: [{ kind: 'key-result', id: 'x' }] }, { attempts: 3 });
    await expect(job.waitUntilFinished(inference.events, 10_000)).rejects.toThrow('JOB.INVALID_PAYLOAD');
    const stored = await inference.queue.getJob(job.id as string);
    expect(stored?.attemptsMade).toBe(1);
    expect(await stored?.getState()).toBe('failed');
  });

  it('gives identical predictions from a model and from its saved and reloaded artifact', async () => {
    const model = await trainSmallOkrModel(5);
    const files = await okrModelFiles(model);
    const version = versionId('okr-achievement', files);
    const directory = await writeArtifact(join(inference.modelDir, 'roundtrip'), files, {
      model: 'okr-achievement',
      version,
    } as never);
    const reloaded = await loadServedModel('okr-achievement', join(inference.modelDir, 'roundtrip'), version);
    const queries = ITEMS.filter((i) => i.kind === 'key-result').map((i) => ({ history: i.history, asOf: i.asOf }));
    expect(directory).toContain(version);
    expect(reloaded.model.predictKeyResults(queries)).toEqual(model.predictKeyResults(queries));
  });

  it('swaps in a promoted version without a restart', async () => {
    const model = await trainSmallOkrModel(23);
    const files = await okrModelFiles(model);
    const version = versionId('okr-achievement', files);
    const card = { model: 'okr-achievement', version, seed: 23 } as never;
    await writeArtifact(inference.modelDir, files, card);
    await inference.registry.insert({
      version,
      model: 'okr-achievement',
      seed: 23,
      score: 0,
      scoreName: 'fixture',
      lowerIsBetter: true,
      metrics: {},
      card,
    });
    await inference.registry.promote('okr-achievement', version, 'promote', 'test');
    await inference.redis.publish(PROMOTION_CHANNEL, 'okr-achievement');
    const served = await waitFor(
      async () => {
        const { result } = await inference.predict({ items: [ITEMS[0]] });
        return result.modelVersions['okr-achievement'] === version && result;
      },
      { timeoutMs: 10_000, what: 'the promoted version served' },
    );
    const first = served.outputs[0];
    const [expected] = model.predictKeyResults([{ history: KEY_RESULT, asOf: '2026-03-01' }]);
    expect(first?.kind === 'key-result' && first.probability).toBeCloseTo(expected?.probability ?? -1, 12);
  });
});
