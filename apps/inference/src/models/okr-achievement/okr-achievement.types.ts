import { KeyResultFeature } from './key-result-features';
import { FeatureStandardizer } from './feature-standardizer';
import { LogisticCoefficients } from './logistic-regression';
import { PlattCalibrator } from './platt-calibrator';

export type OkrClassifierKind = 'neural-network' | 'logistic-regression';

// A feature's push on one prediction, in calibrated log-odds: the change in the logit when the
// feature is set back to its training mean (positive raises the probability).
export interface PredictionDriver {
  feature: KeyResultFeature;
  value: number;
  contribution: number;
}

export interface KeyResultPrediction {
  probability: number;
  drivers: PredictionDriver[];
  features: Record<KeyResultFeature, number>;
}

export interface OkrPrediction {
  probability: number;
  expectedScore: number;
  keyResults: KeyResultPrediction[];
}

// Everything but the network's weights, as stored in the artifact's parameters file.
export interface OkrModelParameters {
  kind: OkrClassifierKind;
  features: KeyResultFeature[];
  standardizer: FeatureStandardizer;
  calibrator: PlattCalibrator;
  logistic: LogisticCoefficients | null;
  // Mean final progress of the training key results that missed: what a miss is worth before
  // a key result's own pace says more.
  missedProgressPrior: number;
}
