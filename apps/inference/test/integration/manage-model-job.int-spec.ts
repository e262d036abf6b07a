import { manageModelJob, type ManageModelResult } from '@qbm/contracts';
import { testRedisUrl } from '@qbm/testing';
import { Queue, QueueEvents } from 'bullmq';
import { versionId, writeArtifact } from '../../src/artifacts/artifact-directory';
import { anomalyModelFiles } from '../../src/models/metric-anomaly/metric-anomaly.artifact';
import { DEFAULT_ANOMALY_CONFIG } from '../../src/models/metric-anomaly/metric-anomaly.trainer';
import { MetricAnomalyDetector } from '../../src/models/metric-anomaly/metric-anomaly-detector';
import { startTestInference, type TestInference } from '../setup/test-inference';

function connection(): { host: string; port: number; db: number } {
  const url = new URL(testRedisUrl());
  return { host: url.hostname, port: Number(url.port || 6379), db: Number(url.pathname.slice(1) || 0) };
}

// The jobs behind the API's admin routes, run by the service: train, promote when better, roll back.
describe('manage-model jobs on the model-lifecycle queue', () => {
  let inference: TestInference;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    inference = await startTestInference();
    queue = new Queue(manageModelJob.queue, { connection: connection() });
    events = new QueueEvents(manageModelJob.queue, { connection: connection() });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events.close();
    await queue.close();
    await inference.close();
  });

  async function run(payload: Record<string, unknown>): Promise<ManageModelResult> {
    const job = await queue.add(manageModelJob.name, { requestedBy: 'test', ...payload }, manageModelJob.defaults);
    return (await job.waitUntilFinished(events, 120_000)) as ManageModelResult;
  }

  it('trains and registers a version with its held-out score', async () => {
    const trained = await run({ action: 'train', model: 'metric-anomaly', seed: 77, promote: false });
    expect(trained).toMatchObject({ action: 'train', model: 'metric-anomaly', promoted: false, score: { name: 'f1' } });
    const row = (await inference.registry.list('metric-anomaly')).find((r) => r.version === trained.version);
    // Same artifact, same version id: the fixture's untuned threshold may be what tuning picks too.
    expect(row?.version).toBe(trained.version);
    expect(trained.score?.value).toBeGreaterThan(0);
  });

  it('promotes a better version, serves it without a restart, and rolls back', async () => {
    const before = inference.versions['metric-anomaly'];
    const files = anomalyModelFiles(new MetricAnomalyDetector({ ...DEFAULT_ANOMALY_CONFIG, threshold: 3.5 }));
    const version = versionId('metric-anomaly', files);
    const card = { model: 'metric-anomaly', version, seed: 5 } as never;
    await writeArtifact(inference.modelDir, files, card);
    // Its recorded held-out F1 of 1 beats whatever the live one scores on seed 5's held-out set.
    await inference.registry.insert({
      version,
      model: 'metric-anomaly',
      seed: 5,
      score: 1,
      scoreName: 'f1',
      lowerIsBetter: false,
      metrics: {},
      card,
    });
    const promoted = await run({ action: 'promote', model: 'metric-anomaly', version });
    expect(promoted).toMatchObject({ action: 'promote', promoted: true, version });
    const item = { kind: 'anomaly', id: 'm', history: { frequency: 'daily', values: [] } };
    expect((await inference.predict({ items: [item] })).result.modelVersions['metric-anomaly']).toBe(version);

    const rolledBack = await run({ action: 'rollback', model: 'metric-anomaly' });
    expect(rolledBack).toMatchObject({ action: 'rollback', promoted: true, version: before });
    expect((await inference.registry.promoted()).get('metric-anomaly')?.version).toBe(before);
    expect((await inference.predict({ items: [item] })).result.modelVersions['metric-anomaly']).toBe(before);
  });

  it('fails a rollback with no earlier version, once', async () => {
    const job = await queue.add(
      manageModelJob.name,
      { action: 'rollback', model: 'metric-forecast', requestedBy: 'test' },
      manageModelJob.defaults,
    );
    await expect(job.waitUntilFinished(events, 20_000)).rejects.toThrow('no earlier promoted version');
    expect((await queue.getJob(job.id as string))?.attemptsMade).toBe(1);
  });
});
