import { fitLogisticRegression } from './logistic-regression';

// Platt scaling: probability = σ(slope · logit + offset), fitted on held-back data the model did
// not train on, so over- or under-confident scores become frequencies.
export interface PlattCalibrator {
  slope: number;
  offset: number;
}

export function fitPlatt(logits: readonly number[], labels: readonly number[]): PlattCalibrator {
  const fitted = fitLogisticRegression(
    logits.map((z) => [z]),
    labels,
    1e-6,
  );
  return { slope: fitted.weights[0] ?? 1, offset: fitted.intercept };
}

export function calibratedLogit(calibrator: PlattCalibrator, logit: number): number {
  return calibrator.slope * logit + calibrator.offset;
}

export const probabilityOf = (logit: number): number => 1 / (1 + Math.exp(-logit));
