import { MetricForecastPoint } from '../models/metric-forecast/metric-forecast.types';

// Mean absolute error of the in-sample seasonal-naive forecast: the scale that makes MASE
// comparable across series (lag 1 when the history is shorter than a season).
export function maseScale(history: readonly number[], period: number): number {
  const lag = period > 1 && history.length > period ? period : 1;
  let sum = 0;
  let count = 0;
  for (let t = lag; t < history.length; t += 1) {
    sum += Math.abs((history[t] as number) - (history[t - lag] as number));
    count += 1;
  }
  return count > 0 ? sum / count : Number.NaN;
}

export interface ForecastScore {
  absoluteError: number;
  smape: number | null;
  inside80: boolean;
  inside95: boolean;
}

export function scorePoint(actual: number, point: MetricForecastPoint): ForecastScore {
  const denominator = Math.abs(actual) + Math.abs(point.value);
  return {
    absoluteError: Math.abs(actual - point.value),
    smape: denominator > 0 ? (200 * Math.abs(actual - point.value)) / denominator : null,
    inside80: actual >= point.lower80 && actual <= point.upper80,
    inside95: actual >= point.lower95 && actual <= point.upper95,
  };
}

// Running totals for one method over many forecasts: MASE per forecast (one origin of one series),
// sMAPE and coverage per point.
export class ForecastAccuracy {
  private maseSum = 0;
  private forecasts = 0;
  private smapeSum = 0;
  private smapeCount = 0;
  private points = 0;
  private inside80 = 0;
  private inside95 = 0;

  addForecast(scores: readonly ForecastScore[], scale: number): void {
    if (scores.length === 0) return;
    if (Number.isFinite(scale) && scale > 0) {
      this.maseSum += scores.reduce((s, p) => s + p.absoluteError, 0) / scores.length / scale;
      this.forecasts += 1;
    }
    for (const score of scores) {
      if (score.smape !== null) {
        this.smapeSum += score.smape;
        this.smapeCount += 1;
      }
      this.points += 1;
      if (score.inside80) this.inside80 += 1;
      if (score.inside95) this.inside95 += 1;
    }
  }

  summary(): { mase: number; smape: number; coverage80: number; coverage95: number; forecasts: number } {
    return {
      mase: this.maseSum / this.forecasts,
      smape: this.smapeSum / this.smapeCount,
      coverage80: this.inside80 / this.points,
      coverage95: this.inside95 / this.points,
      forecasts: this.forecasts,
    };
  }
}
