import type { OnTrainingProgress } from '../registry/training-progress';
import { versionId } from '../artifacts/artifact-directory';
import { ModelCard } from '../artifacts/model-card';
import { ActiveBackend } from '../backend/tfjs-backend';
import { KEY_RESULT_FEATURES } from '../models/okr-achievement/key-result-features';
import { okrModelFiles } from '../models/okr-achievement/okr-achievement.artifact';
import { DEFAULT_OKR_TRAINING, trainOkrAchievement } from '../models/okr-achievement/okr-achievement.trainer';
import { snapshotDataset } from '../models/okr-achievement/snapshot-dataset';
import { simulateOkrs } from '../simulation/okr-trajectory.simulator';
import { ClassificationReport } from './classification-metrics';
import { closedKeyResults, evaluateOkrModel, splitOkrs } from './okr-evaluation';
import { ModelReport } from './model-report';
import { table } from './report-table';

const OKRS = 1500;
const row = (name: string, r: ClassificationReport): (string | number)[] => [
  name,
  r.accuracy,
  r.precision,
  r.recall,
  r.f1,
  r.auc,
  r.brier,
  r.meanConfidence,
];
const HEADER = ['', 'accuracy', 'precision', 'recall', 'F1', 'AUC', 'Brier', 'confidence'];

// Simulated OKRs split 60/20/20 by OKR: train, validation (calibration and model choice), test.
export async function okrAchievementReport(
  seed: number,
  backend: ActiveBackend,
  onProgress?: OnTrainingProgress,
): Promise<ModelReport> {
  const started = Date.now();
  const split = splitOkrs(simulateOkrs(OKRS, seed));
  const options = { ...DEFAULT_OKR_TRAINING, seed };
  const trained = await trainOkrAchievement(
    closedKeyResults(split.train),
    closedKeyResults(split.validation),
    options,
    onProgress,
  );
  const trainingSeconds = (Date.now() - started) / 1000;
  const trainSnapshots = snapshotDataset(closedKeyResults(split.train), options.snapshotsPerKeyResult, seed);
  const evaluation = evaluateOkrModel(trained.model, split, trainSnapshots, seed + 100);
  const files = await okrModelFiles(trained.model);
  const kind = trained.model.parameters.kind;
  const chosen = trained.candidates.map(
    (c) =>
      `${c.kind}: log-loss ${c.selection.logLoss.toFixed(3)}, Brier ${c.selection.brier.toFixed(3)}, F1 ${c.selection.f1.toFixed(3)}`,
  );
  const card: ModelCard = {
    model: 'okr-achievement',
    version: versionId('okr-achievement', files),
    createdAt: new Date().toISOString(),
    seed,
    backend: kind === 'neural-network' ? backend.backend : null,
    trainingSeconds,
    method: `${kind}, Platt-calibrated; OKR probability = P(weighted score >= 0.7) over independent key results`,
    selection: `lowest calibrated log-loss on the validation key results (${chosen.join('; ')})`,
    data: {
      source: 'simulator',
      description: `simulateOkrs(${OKRS}, ${seed}); split by OKR 60/20/20; 4 as-of snapshots per key result`,
      sizes: { ...trained.sizes, testOkrs: split.test.length },
    },
    features: [...KEY_RESULT_FEATURES],
    metrics: { ...evaluation },
  };
  const text = [
    `okr-achievement (${kind}${card.backend ? ` on ${card.backend}` : ''}), trained in ${trainingSeconds.toFixed(1)} s`,
    `  chosen by ${card.selection}`,
    'key results, held-out snapshots:',
    table(HEADER, [
      row('model', evaluation.keyResults.model),
      row('pace rule', evaluation.keyResults.paceRule),
      row('LR on pace', evaluation.keyResults.paceLogistic),
    ]),
    'OKRs (one random as-of date each, held out):',
    table(HEADER, [row('model', evaluation.okrs.model), row('pace rule', evaluation.okrs.paceRule)]),
    'calibration (key results):',
    table(
      ['bin', 'count', 'predicted', 'observed'],
      evaluation.calibration.map((b) => [
        `${b.from.toFixed(1)}-${b.to.toFixed(1)}`,
        b.count,
        b.meanPredicted,
        b.observedRate,
      ]),
    ),
  ].join('\n');
  return { card, files, text };
}
