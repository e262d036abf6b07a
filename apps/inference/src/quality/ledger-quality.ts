// The figures exported per model from its scored predictions (a probability and what happened).
export interface LedgerQuality {
  count: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  brier: number;
}

export interface ScoredPrediction {
  probability: number;
  outcome: boolean;
}

// At the 0.5 threshold, like the evaluation reports; precision is 0 when nothing was predicted positive.
export function ledgerQuality(rows: readonly ScoredPrediction[]): LedgerQuality | null {
  if (rows.length === 0) return null;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  let brier = 0;
  for (const { probability, outcome } of rows) {
    const predicted = probability >= 0.5;
    if (predicted === outcome) correct += 1;
    if (predicted && outcome) tp += 1;
    if (predicted && !outcome) fp += 1;
    if (!predicted && outcome) fn += 1;
    brier += (probability - (outcome ? 1 : 0)) ** 2;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return {
    count: rows.length,
    accuracy: correct / rows.length,
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    brier: brier / rows.length,
  };
}

export interface ScoredForecast {
  forecast: number;
  actual: number;
}

// Mean absolute percentage error of scored forecast points. A zero actual has no percentage error and
// is left out; null when nothing is left.
export function forecastMape(rows: readonly ScoredForecast[]): { count: number; mape: number } | null {
  const errors = rows.filter((r) => r.actual !== 0).map((r) => Math.abs((r.actual - r.forecast) / r.actual));
  if (errors.length === 0) return null;
  return { count: errors.length, mape: errors.reduce((s, e) => s + e, 0) / errors.length };
}
