import { fitMethod, ForecastMethodName, usesAdjustedSeries } from './forecast-method';
import { deseasonalize, reseasonalize, seasonalProfile } from './seasonal-profile';

// Out-of-sample errors of one method from several origins inside a series' own history: parameters
// and seasonal indices come from the span before the first origin only, then the method forecasts
// from each origin in the held-back tail. errorsByStep[h-1] holds actual − forecast at step h.
export interface RollingOriginErrors {
  errorsByStep: number[][];
  meanAbsoluteError: number;
}

export interface RollingOriginPlan {
  firstOrigin: number;
  origins: number[];
}

// The last quarter of the series (at least one horizon, at most `maxOrigins` origins, evenly spread),
// leaving enough history before it to fit on; null when the series is too short for that.
export function rollingOriginPlan(
  length: number,
  horizon: number,
  period: number,
  maxOrigins: number,
): RollingOriginPlan | null {
  const minimumTrain = Math.max(4, period > 1 ? 2 * period + 1 : 4);
  const tail = Math.min(Math.max(horizon, Math.floor(length / 4)), length - minimumTrain);
  if (tail < 1) return null;
  const firstOrigin = length - tail;
  const stride = Math.max(1, Math.ceil(tail / maxOrigins));
  const origins: number[] = [];
  for (let origin = firstOrigin; origin < length; origin += stride) origins.push(origin);
  return { firstOrigin, origins };
}

export function rollingOriginErrors(
  name: ForecastMethodName,
  y: readonly number[],
  horizon: number,
  period: number,
  plan: RollingOriginPlan,
): RollingOriginErrors {
  const train = y.slice(0, plan.firstOrigin);
  const profile = usesAdjustedSeries(name) ? seasonalProfile(train, period) : null;
  const adjusted = deseasonalize(y, profile);
  const fitted = fitMethod(name, adjusted.slice(0, plan.firstOrigin), period);
  const errorsByStep: number[][] = Array.from({ length: horizon }, () => []);
  let absoluteSum = 0;
  let count = 0;
  for (const origin of plan.origins) {
    const steps = Math.min(horizon, y.length - origin);
    const forecast = reseasonalize(fitted.forecast(adjusted.slice(0, origin), steps), profile, origin);
    for (let s = 0; s < steps; s += 1) {
      const error = (y[origin + s] as number) - (forecast[s] as number);
      (errorsByStep[s] as number[]).push(error);
      absoluteSum += Math.abs(error);
      count += 1;
    }
  }
  return { errorsByStep, meanAbsoluteError: count > 0 ? absoluteSum / count : Number.POSITIVE_INFINITY };
}
