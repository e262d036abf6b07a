import type { OnTrainingProgress } from '../../registry/training-progress';
import { classificationReport, ClassificationReport } from '../../evaluation/classification-metrics';
import { KEY_RESULT_FEATURES } from './key-result-features';
import { fitStandardizer, standardize } from './feature-standardizer';
import { fitLogisticRegression } from './logistic-regression';
import { DEFAULT_NEURAL_OPTIONS, NeuralTrainingOptions, trainNetwork } from './neural-classifier';
import { OkrAchievementModel } from './okr-achievement.model';
import { OkrClassifierKind } from './okr-achievement.types';
import { calibratedLogit, fitPlatt, probabilityOf } from './platt-calibrator';
import { ClosedKeyResult, snapshotDataset } from './snapshot-dataset';

export interface OkrTrainingOptions {
  seed: number;
  snapshotsPerKeyResult: number;
  neural: NeuralTrainingOptions;
}

export const DEFAULT_OKR_TRAINING: OkrTrainingOptions = {
  seed: 7,
  snapshotsPerKeyResult: 4,
  neural: DEFAULT_NEURAL_OPTIONS,
};

export interface CandidateResult {
  kind: OkrClassifierKind;
  // On the selection half of the validation key results, after Platt calibration on the other half.
  selection: ClassificationReport;
}

export interface OkrTrainingResult {
  model: OkrAchievementModel;
  candidates: CandidateResult[];
  sizes: { trainSnapshots: number; validationSnapshots: number };
}

// Trains logistic regression and the network on `train`, calibrates each on half the validation
// key results and compares them on the other half by log-loss (a proper scoring rule: it rewards
// honest probabilities, not just the ranking); the winner is recalibrated on the whole validation set.
// Test data never enters here.
export async function trainOkrAchievement(
  train: readonly ClosedKeyResult[],
  validation: readonly ClosedKeyResult[],
  options: OkrTrainingOptions = DEFAULT_OKR_TRAINING,
  onProgress?: OnTrainingProgress,
): Promise<OkrTrainingResult> {
  const trainSet = snapshotDataset(train, options.snapshotsPerKeyResult, options.seed);
  const calibrationSet = snapshotDataset(
    validation.filter((_, i) => i % 2 === 0),
    options.snapshotsPerKeyResult,
    options.seed + 1,
  );
  const selectionSet = snapshotDataset(
    validation.filter((_, i) => i % 2 === 1),
    options.snapshotsPerKeyResult,
    options.seed + 2,
  );
  const standardizer = fitStandardizer(trainSet.features);
  const x = trainSet.features.map((row) => standardize(standardizer, row));
  const logistic = fitLogisticRegression(x, trainSet.labels);
  const network = await trainNetwork(x, trainSet.labels, { ...options.neural, seed: options.seed }, onProgress);
  const missed = train.filter((kr) => !kr.reached).map((kr) => Math.min(0.99, Math.max(0, kr.finalProgress)));
  const missedProgressPrior = missed.length > 0 ? missed.reduce((s, v) => s + v, 0) / missed.length : 0.5;
  const base = {
    features: [...KEY_RESULT_FEATURES],
    standardizer,
    calibrator: { slope: 1, offset: 0 },
    missedProgressPrior,
  };
  const uncalibrated = {
    'logistic-regression': new OkrAchievementModel({ ...base, kind: 'logistic-regression', logistic }, null),
    'neural-network': new OkrAchievementModel({ ...base, kind: 'neural-network', logistic: null }, network),
  } as const;
  const candidates = (Object.keys(uncalibrated) as OkrClassifierKind[]).map((kind) => {
    const model = uncalibrated[kind];
    const calibrator = fitPlatt(model.logits(calibrationSet.features), calibrationSet.labels);
    const probabilities = model.logits(selectionSet.features).map((z) => probabilityOf(calibratedLogit(calibrator, z)));
    return { kind, selection: classificationReport(probabilities, selectionSet.labels) };
  });
  const winner = candidates.reduce((a, b) => (b.selection.logLoss < a.selection.logLoss ? b : a)).kind;
  const served = uncalibrated[winner];
  const allValidation = {
    features: [...calibrationSet.features, ...selectionSet.features],
    labels: [...calibrationSet.labels, ...selectionSet.labels],
  };
  const calibrator = fitPlatt(served.logits(allValidation.features), allValidation.labels);
  if (winner === 'logistic-regression') network.dispose();
  return {
    model: new OkrAchievementModel({ ...served.parameters, calibrator }, winner === 'neural-network' ? network : null),
    candidates,
    sizes: { trainSnapshots: trainSet.labels.length, validationSnapshots: allValidation.labels.length },
  };
}
