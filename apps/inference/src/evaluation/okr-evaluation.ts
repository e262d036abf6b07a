import { KEY_RESULT_FEATURES } from '../models/okr-achievement/key-result-features';
import { fitLogisticRegression, logisticLogit } from '../models/okr-achievement/logistic-regression';
import { OkrAchievementModel } from '../models/okr-achievement/okr-achievement.model';
import { probabilityOf } from '../models/okr-achievement/platt-calibrator';
import { ClosedKeyResult, LabelledSnapshots, snapshotDataset } from '../models/okr-achievement/snapshot-dataset';
import { SeededRandom } from '../random/seeded-random';
import { dayNumber } from '../series/calendar-day';
import { SimulatedOkr } from '../simulation/okr-trajectory.simulator';
import { calibrationTable, CalibrationBin, classificationReport, ClassificationReport } from './classification-metrics';

const PACE = KEY_RESULT_FEATURES.indexOf('pace');

export interface OkrSplit {
  train: SimulatedOkr[];
  validation: SimulatedOkr[];
  test: SimulatedOkr[];
}

// By OKR, so no key result, and no sibling sharing its team, is on two sides.
export function splitOkrs(okrs: readonly SimulatedOkr[]): OkrSplit {
  const cut1 = Math.floor(okrs.length * 0.6);
  const cut2 = Math.floor(okrs.length * 0.8);
  return { train: okrs.slice(0, cut1), validation: okrs.slice(cut1, cut2), test: okrs.slice(cut2) };
}

export const closedKeyResults = (okrs: readonly SimulatedOkr[]): ClosedKeyResult[] =>
  okrs.flatMap((okr) =>
    okr.keyResults.map((kr) => ({ history: kr.history, reached: kr.reached, finalProgress: kr.finalProgress })),
  );

export interface OkrEvaluation {
  keyResults: { model: ClassificationReport; paceRule: ClassificationReport; paceLogistic: ClassificationReport };
  calibration: CalibrationBin[];
  okrs: { model: ClassificationReport; paceRule: ClassificationReport };
}

// Key-result level on held-out snapshots, beside the pace rule (progress ÷ elapsed ≥ 1) and a
// logistic regression on pace alone fitted on the training snapshots; OKR level at one random as-of
// date per held-out OKR, beside the pace rule applied to the OKR's weighted progress and elapsed share.
export function evaluateOkrModel(
  model: OkrAchievementModel,
  split: OkrSplit,
  train: LabelledSnapshots,
  seed: number,
): OkrEvaluation {
  const test = snapshotDataset(closedKeyResults(split.test), 4, seed);
  const probabilities = model.probabilities(test.features);
  const paceOnly = fitLogisticRegression(
    train.features.map((row) => [row[PACE] as number]),
    train.labels,
  );
  const paceLogistic = test.features.map((row) => probabilityOf(logisticLogit(paceOnly, [row[PACE] as number])));
  const paceRule = test.features.map((row) => ((row[PACE] as number) >= 1 ? 1 : 0));
  const random = new SeededRandom(seed + 1);
  const okrModel: number[] = [];
  const okrPace: number[] = [];
  for (const okr of split.test) {
    const first = okr.keyResults[0]?.history;
    if (!first) continue;
    const start = dayNumber(first.periodStart);
    const length = dayNumber(first.periodEnd) + 1 - start;
    const asOf = new Date((start + random.uniform(0.05, 1) * length) * 86_400_000).toISOString();
    const prediction = model.predictOkr({ keyResults: okr.keyResults.map((kr) => kr.history) }, asOf);
    okrModel.push(prediction.probability);
    const elapsed = prediction.keyResults[0]?.features.elapsed ?? 1;
    const weights = okr.keyResults.reduce((s, kr) => s + kr.history.weight, 0);
    const progress = prediction.keyResults.reduce(
      (s, kr, i) =>
        s + ((okr.keyResults[i]?.history.weight ?? 0) / weights) * Math.min(1, Math.max(0, kr.features.progress)),
      0,
    );
    okrPace.push(progress / Math.max(elapsed, 0.1) >= 0.7 ? 1 : 0);
  }
  const okrLabels = split.test.map((okr) => (okr.achieved ? 1 : 0));
  return {
    keyResults: {
      model: classificationReport(probabilities, test.labels),
      paceRule: classificationReport(paceRule, test.labels),
      paceLogistic: classificationReport(paceLogistic, test.labels),
    },
    calibration: calibrationTable(probabilities, test.labels),
    okrs: { model: classificationReport(okrModel, okrLabels), paceRule: classificationReport(okrPace, okrLabels) },
  };
}
