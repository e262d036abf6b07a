import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { versionId, writeArtifact } from '../../artifacts/artifact-directory';
import { ModelCard } from '../../artifacts/model-card';
import { activateBackend } from '../../backend/tfjs-backend';
import { closedKeyResults, splitOkrs } from '../../evaluation/okr-evaluation';
import { simulateOkrs } from '../../simulation/okr-trajectory.simulator';
import { KEY_RESULT_FEATURES } from './key-result-features';
import { fitStandardizer, standardize } from './feature-standardizer';
import { fitLogisticRegression } from './logistic-regression';
import { loadOkrModel, okrModelFiles } from './okr-achievement.artifact';
import { OkrAchievementModel } from './okr-achievement.model';
import { DEFAULT_OKR_TRAINING, trainOkrAchievement } from './okr-achievement.trainer';
import { trainNetwork } from './neural-classifier';
import { snapshotDataset } from './snapshot-dataset';

const split = splitOkrs(simulateOkrs(90, 42));
const options = {
  ...DEFAULT_OKR_TRAINING,
  seed: 3,
  snapshotsPerKeyResult: 2,
  neural: { ...DEFAULT_OKR_TRAINING.neural, epochs: 3 },
};
const probe = snapshotDataset(closedKeyResults(split.test), 2, 5).features;
const train = () => trainOkrAchievement(closedKeyResults(split.train), closedKeyResults(split.validation), options);

function card(version: string): ModelCard {
  return {
    model: 'okr-achievement',
    version,
    createdAt: new Date(0).toISOString(),
    seed: options.seed,
    backend: 'wasm',
    trainingSeconds: 0,
    method: 'test',
    selection: 'test',
    data: { source: 'simulator', description: 'test', sizes: {} },
    features: [...KEY_RESULT_FEATURES],
    metrics: {},
  };
}

async function roundTrip(model: OkrAchievementModel): Promise<OkrAchievementModel> {
  const root = await mkdtemp(join(tmpdir(), 'qbm-okr-model-'));
  try {
    const files = await okrModelFiles(model);
    return await loadOkrModel(await writeArtifact(root, files, card(versionId('okr-achievement', files))));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

describe('okr-achievement model', () => {
  beforeAll(async () => {
    await activateBackend('wasm');
  });

  it('trains deterministically by seed: same parameters, weights, predictions and version', async () => {
    const first = await train();
    const second = await train();
    expect(second.model.parameters).toEqual(first.model.parameters);
    // Both candidates, the network included, score identically on the selection set.
    expect(second.candidates).toEqual(first.candidates);
    expect(second.model.probabilities(probe)).toEqual(first.model.probabilities(probe));
    const [a, b] = await Promise.all([okrModelFiles(first.model), okrModelFiles(second.model)]);
    expect(versionId('okr-achievement', b)).toBe(versionId('okr-achievement', a));
  });

  it('trains the network to identical weights from the same seed, and different ones from another', async () => {
    const snapshots = snapshotDataset(closedKeyResults(split.train), 2, 1);
    const weights = async (seed: number) => {
      const network = await trainNetwork(snapshots.features, snapshots.labels, { ...options.neural, seed });
      return network.getWeights().map((w) => Array.from(w.dataSync()));
    };
    const first = await weights(11);
    expect(await weights(11)).toEqual(first);
    expect(await weights(12)).not.toEqual(first);
  });

  it('gives identical predictions after a save/load round trip, for the network and for logistic regression', async () => {
    const { model } = await train();
    const snapshots = snapshotDataset(closedKeyResults(split.train), 2, 1);
    const standardizer = fitStandardizer(snapshots.features);
    const x = snapshots.features.map((r) => standardize(standardizer, r));
    const network = new OkrAchievementModel(
      { ...model.parameters, kind: 'neural-network', standardizer, logistic: null },
      await trainNetwork(x, snapshots.labels, options.neural),
    );
    const logistic = new OkrAchievementModel(
      {
        ...model.parameters,
        kind: 'logistic-regression',
        standardizer,
        logistic: fitLogisticRegression(x, snapshots.labels),
      },
      null,
    );
    for (const original of [network, logistic]) {
      const loaded = await roundTrip(original);
      expect(loaded.parameters).toEqual(original.parameters);
      expect(loaded.probabilities(probe)).toEqual(original.probabilities(probe));
    }
  });

  it('explains each prediction with its top drivers and predicts OKRs in [0, 1]', async () => {
    const { model } = await train();
    const okr = split.test[0];
    if (!okr) throw new Error('no test OKR simulated');
    const asOf = okr.keyResults[0]?.history.periodEnd ?? '2026-01-01';
    const prediction = model.predictOkr({ keyResults: okr.keyResults.map((kr) => kr.history) }, asOf);
    expect(prediction.probability).toBeGreaterThanOrEqual(0);
    expect(prediction.probability).toBeLessThanOrEqual(1);
    for (const kr of prediction.keyResults) {
      expect(kr.drivers).toHaveLength(3);
      const sizes = kr.drivers.map((d) => Math.abs(d.contribution));
      expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
      expect(KEY_RESULT_FEATURES).toEqual(expect.arrayContaining(kr.drivers.map((d) => d.feature)));
    }
  });
});
