import { tf } from '../../backend/tfjs-backend';
import { KEY_RESULT_FEATURES, KeyResultFeature, keyResultFeatures } from './key-result-features';
import { KeyResultHistory, OkrHistory } from './key-result-history';
import { standardize } from './feature-standardizer';
import { logisticLogit } from './logistic-regression';
import { networkLogits } from './neural-classifier';
import { expectedOkrScore, okrAchievementProbability } from './okr-probability';
import { KeyResultPrediction, OkrModelParameters, OkrPrediction, PredictionDriver } from './okr-achievement.types';
import { calibratedLogit, probabilityOf } from './platt-calibrator';

const TOP_DRIVERS = 3;

export interface KeyResultQuery {
  history: KeyResultHistory;
  asOf: string;
}

// The served okr-achievement model: calibrated probabilities and their top drivers for key results,
// and the OKR's probability from its key results and weights. Pure and synchronous; batch many
// items per call, since a network call has a fixed cost.
export class OkrAchievementModel {
  constructor(
    readonly parameters: OkrModelParameters,
    readonly network: tf.LayersModel | null,
  ) {
    if (parameters.kind === 'neural-network' && !network) throw new Error('a neural-network model needs its network');
    if (parameters.kind === 'logistic-regression' && !parameters.logistic)
      throw new Error('missing logistic coefficients');
  }

  // Uncalibrated logits of raw (unstandardized) feature rows.
  logits(rows: readonly (readonly number[])[]): number[] {
    const standardized = rows.map((row) => standardize(this.parameters.standardizer, row));
    const { logistic } = this.parameters;
    if (this.parameters.kind === 'logistic-regression' && logistic)
      return standardized.map((r) => logisticLogit(logistic, r));
    return networkLogits(this.network as tf.LayersModel, standardized);
  }

  probabilities(rows: readonly (readonly number[])[]): number[] {
    return this.logits(rows).map((z) => probabilityOf(calibratedLogit(this.parameters.calibrator, z)));
  }

  predictKeyResults(queries: readonly KeyResultQuery[]): KeyResultPrediction[] {
    const rows = queries.map((q) => keyResultFeatures(q.history, q.asOf));
    const means = this.parameters.standardizer.means;
    const width = KEY_RESULT_FEATURES.length;
    // Each row, then the same row once per feature with that feature at its training mean.
    const expanded = rows.flatMap((row) => [
      row,
      ...row.map((_, j) => row.map((v, k) => (k === j ? (means[k] as number) : v))),
    ]);
    const logits = this.logits(expanded).map((z) => calibratedLogit(this.parameters.calibrator, z));
    return rows.map((row, i) => {
      const base = logits[i * (width + 1)] as number;
      const drivers: PredictionDriver[] = row.map((value, j) => ({
        feature: KEY_RESULT_FEATURES[j] as KeyResultFeature,
        value,
        contribution: base - (logits[i * (width + 1) + 1 + j] as number),
      }));
      drivers.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
      return {
        probability: probabilityOf(base),
        drivers: drivers.slice(0, TOP_DRIVERS),
        features: Object.fromEntries(row.map((v, j) => [KEY_RESULT_FEATURES[j], v])) as Record<
          KeyResultFeature,
          number
        >,
      };
    });
  }

  // Expected progress of a key result that misses: its projected progress, trusted more as the
  // period elapses, blended with the training prior.
  private partialProgress({ features }: KeyResultPrediction): number {
    const projected = Math.min(0.99, Math.max(0, features.projected_progress));
    return features.elapsed * projected + (1 - features.elapsed) * this.parameters.missedProgressPrior;
  }

  predictOkr(okr: OkrHistory, asOf: string): OkrPrediction {
    const keyResults = this.predictKeyResults(okr.keyResults.map((history) => ({ history, asOf })));
    const chances = keyResults.map((prediction, i) => ({
      weight: okr.keyResults[i]?.weight ?? 0,
      probability: prediction.probability,
      partialProgress: this.partialProgress(prediction),
    }));
    return { probability: okrAchievementProbability(chances), expectedScore: expectedOkrScore(chances), keyResults };
  }
}
