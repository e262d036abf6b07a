// Metrics of probabilistic binary predictions against outcomes (labels 0/1), at a 0.5 decision threshold.
export interface ClassificationReport {
  count: number;
  positiveRate: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  auc: number;
  brier: number;
  logLoss: number;
  meanConfidence: number;
}

export interface CalibrationBin {
  from: number;
  to: number;
  count: number;
  meanPredicted: number;
  observedRate: number;
}

// Area under the ROC curve by the rank-sum formula, ties counted half.
export function rocAuc(probabilities: readonly number[], labels: readonly number[]): number {
  const order = probabilities.map((p, i) => ({ p, y: labels[i] as number })).sort((a, b) => a.p - b.p);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && (order[j] as { p: number }).p === (order[i] as { p: number }).p) j += 1;
    const averageRank = (i + j + 1) / 2;
    for (let k = i; k < j; k += 1) {
      if ((order[k] as { y: number }).y === 1) {
        rankSum += averageRank;
        positives += 1;
      }
    }
    i = j;
  }
  const negatives = order.length - positives;
  return positives > 0 && negatives > 0
    ? (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
    : Number.NaN;
}

export function classificationReport(
  probabilities: readonly number[],
  labels: readonly number[],
): ClassificationReport {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let brier = 0;
  let logLoss = 0;
  let confidence = 0;
  probabilities.forEach((p, i) => {
    const y = labels[i] as number;
    const predicted = p >= 0.5 ? 1 : 0;
    if (predicted === 1 && y === 1) tp += 1;
    else if (predicted === 1) fp += 1;
    else if (y === 1) fn += 1;
    else tn += 1;
    brier += (p - y) ** 2;
    const clipped = Math.min(1 - 1e-12, Math.max(1e-12, p));
    logLoss -= y * Math.log(clipped) + (1 - y) * Math.log(1 - clipped);
    confidence += Math.max(p, 1 - p);
  });
  const n = probabilities.length;
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return {
    count: n,
    positiveRate: (tp + fn) / n,
    accuracy: (tp + tn) / n,
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    auc: rocAuc(probabilities, labels),
    brier: brier / n,
    logLoss: logLoss / n,
    meanConfidence: confidence / n,
  };
}

// Predictions grouped in equal-width probability bins: a calibrated model's observed rate matches its mean prediction.
export function calibrationTable(
  probabilities: readonly number[],
  labels: readonly number[],
  bins = 10,
): CalibrationBin[] {
  const table = Array.from({ length: bins }, (_, b) => ({
    from: b / bins,
    to: (b + 1) / bins,
    count: 0,
    sumP: 0,
    sumY: 0,
  }));
  probabilities.forEach((p, i) => {
    const bin = table[Math.min(bins - 1, Math.floor(p * bins))] as { count: number; sumP: number; sumY: number };
    bin.count += 1;
    bin.sumP += p;
    bin.sumY += labels[i] as number;
  });
  return table.map(({ from, to, count, sumP, sumY }) => ({
    from,
    to,
    count,
    meanPredicted: count > 0 ? sumP / count : Number.NaN,
    observedRate: count > 0 ? sumY / count : Number.NaN,
  }));
}
