// Holt-Winters: exponential smoothing with a damped additive trend and a season that keeps learning
// (ETS(A,Ad,A) and ETS(A,Ad,M) in error-correction form), fitted by a deterministic grid search on
// one-step squared errors. Unlike the classical decomposition the other smoothers run on, whose
// seasonal indices are fixed once, its season follows a pattern that grows or drifts over the years.
import { SeasonalMode } from './seasonal-profile';

export interface HoltWintersParameters {
  mode: SeasonalMode;
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

const ALPHAS = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9];
const BETAS = [0, 0.02, 0.1, 0.3];
const GAMMAS = [0.01, 0.05, 0.1, 0.2, 0.4];
const PHIS = [0.9, 0.98];

interface HoltWintersState {
  level: number;
  trend: number;
  // The last `period` seasonal terms; season[t % period] belongs to step t.
  season: number[];
  sse: number;
}

// Level, trend and season from the first two cycles: the cycles' means give the level and the slope,
// each phase's average deviation from its cycle's mean the season.
function initialState(y: readonly number[], period: number, mode: SeasonalMode): HoltWintersState {
  const cycleMean = (c: number): number => {
    let sum = 0;
    for (let k = 0; k < period; k += 1) sum += y[c * period + k] as number;
    return sum / period;
  };
  const first = cycleMean(0);
  const second = cycleMean(1);
  const season = Array.from({ length: period }, (_, k) => {
    const a = y[k] as number;
    const b = y[period + k] as number;
    return mode === 'multiplicative' ? (a / first + b / second) / 2 : (a - first + (b - second)) / 2;
  });
  return { level: first, trend: (second - first) / period, season, sse: 0 };
}

// Runs the smoother over y from the start of its third cycle (the first two set its initial state);
// the level stands at step (period - 1) before the loop, as the initial level is a cycle's mean.
function run(y: readonly number[], period: number, p: HoltWintersParameters): HoltWintersState {
  const state = initialState(y, period, p.mode);
  let { level, trend, sse } = state;
  const season = state.season;
  // From the first cycle's centre to its last step.
  level += trend * ((period - 1) / 2);
  for (let t = period; t < y.length; t += 1) {
    const base = level + p.phi * trend;
    const s = season[t % period] as number;
    const predicted = p.mode === 'multiplicative' ? base * s : base + s;
    const error = (y[t] as number) - predicted;
    if (t >= 2 * period) sse += error * error;
    const adjusted = p.mode === 'multiplicative' ? error / s : error;
    level = base + p.alpha * adjusted;
    trend = p.phi * trend + p.alpha * p.beta * adjusted;
    season[t % period] = p.mode === 'multiplicative' ? s + (p.gamma * error) / base : s + p.gamma * error;
    if (!Number.isFinite(level) || (p.mode === 'multiplicative' && !((season[t % period] as number) > 0))) {
      return { level, trend, season, sse: Number.POSITIVE_INFINITY };
    }
  }
  return { level, trend, season, sse };
}

export function fitHoltWinters(y: readonly number[], period: number): HoltWintersParameters | null {
  // Two cycles to start from and one to fit on.
  if (period < 2 || y.length < 3 * period) return null;
  // Multiplicative only for a series that stays positive.
  const modes: SeasonalMode[] = y.every((v) => v > 0) ? ['additive', 'multiplicative'] : ['additive'];
  let best: HoltWintersParameters | null = null;
  let bestSse = Number.POSITIVE_INFINITY;
  for (const mode of modes) {
    for (const alpha of ALPHAS) {
      for (const beta of BETAS) {
        for (const gamma of GAMMAS) {
          // The usual admissible region: the season learns no faster than what the level leaves.
          if (gamma > 1 - alpha) continue;
          for (const phi of PHIS) {
            const parameters = { mode, alpha, beta, gamma, phi };
            const { sse } = run(y, period, parameters);
            if (sse < bestSse) {
              bestSse = sse;
              best = parameters;
            }
          }
        }
      }
    }
  }
  return best;
}

export function holtWintersForecast(
  y: readonly number[],
  period: number,
  p: HoltWintersParameters,
  horizon: number,
): number[] {
  const { level, trend, season } = run(y, period, p);
  const forecasts: number[] = [];
  let damping = 0;
  for (let h = 1; h <= horizon; h += 1) {
    damping += p.phi ** h;
    const base = level + damping * trend;
    const s = season[(y.length - 1 + h) % period] as number;
    forecasts.push(p.mode === 'multiplicative' ? base * s : base + s);
  }
  return forecasts;
}
