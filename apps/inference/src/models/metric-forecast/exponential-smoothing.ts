// Exponential smoothing with an additive, optionally damped trend (ETS(A,Ad,N) and its special cases),
// fitted by a deterministic grid search on one-step squared errors.
export type SmoothingKind = 'ses' | 'holt' | 'damped';

export interface SmoothingParameters {
  alpha: number;
  beta: number;
  phi: number;
}

const ALPHAS = [0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.99];
const BETAS = [0.01, 0.05, 0.1, 0.2, 0.4];
const PHIS = [0.8, 0.88, 0.94, 0.98];

function initialSlope(y: readonly number[]): number {
  const k = Math.min(y.length, 10);
  if (k < 2) return 0;
  const tMean = (k - 1) / 2;
  let yMean = 0;
  for (let t = 0; t < k; t += 1) yMean += (y[t] as number) / k;
  let num = 0;
  let den = 0;
  for (let t = 0; t < k; t += 1) {
    num += (t - tMean) * ((y[t] as number) - yMean);
    den += (t - tMean) ** 2;
  }
  return num / den;
}

interface SmoothingState {
  level: number;
  trend: number;
  sse: number;
}

function run(y: readonly number[], kind: SmoothingKind, p: SmoothingParameters): SmoothingState {
  let level = y[0] as number;
  let trend = kind === 'ses' ? 0 : initialSlope(y);
  let sse = 0;
  for (let t = 1; t < y.length; t += 1) {
    const predicted = level + p.phi * trend;
    const error = (y[t] as number) - predicted;
    sse += error * error;
    level = predicted + p.alpha * error;
    trend = p.phi * trend + p.alpha * p.beta * error;
  }
  return { level, trend, sse };
}

export function smoothingForecast(
  y: readonly number[],
  kind: SmoothingKind,
  p: SmoothingParameters,
  horizon: number,
): number[] {
  const { level, trend } = run(y, kind, p);
  const forecasts: number[] = [];
  let damping = 0;
  for (let h = 1; h <= horizon; h += 1) {
    damping += p.phi ** h;
    forecasts.push(level + damping * trend);
  }
  return forecasts;
}

export function fitSmoothing(y: readonly number[], kind: SmoothingKind): SmoothingParameters {
  const betas = kind === 'ses' ? [0] : BETAS;
  const phis = kind === 'damped' ? PHIS : [1];
  let best: SmoothingParameters = { alpha: 0.5, beta: 0, phi: 1 };
  let bestSse = Number.POSITIVE_INFINITY;
  for (const alpha of ALPHAS) {
    for (const beta of betas) {
      for (const phi of phis) {
        const { sse } = run(y, kind, { alpha, beta, phi });
        if (sse < bestSse) {
          bestSse = sse;
          best = { alpha, beta, phi };
        }
      }
    }
  }
  return best;
}
