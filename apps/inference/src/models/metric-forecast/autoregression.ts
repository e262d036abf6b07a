// An autoregression around the series' mean, AR(p) by Yule-Walker (Levinson-Durbin), its order chosen
// by BIC (AIC's lighter penalty chose longer models that did no better): the model of a series that
// cycles without a fixed period (a market's or a population's ups and downs), which the smoothers
// forecast as flat. Yule-Walker's estimate is always stationary, so a forecast returns towards the
// mean instead of running away.
export interface AutoregressionParameters {
  mean: number;
  coefficients: number[];
}

const MAX_ORDER = 10;

function autocovariances(y: readonly number[], mean: number, maxLag: number): number[] {
  const result: number[] = [];
  for (let lag = 0; lag <= maxLag; lag += 1) {
    let sum = 0;
    for (let t = lag; t < y.length; t += 1) sum += ((y[t] as number) - mean) * ((y[t - lag] as number) - mean);
    result.push(sum / y.length);
  }
  return result;
}

export function fitAutoregression(y: readonly number[]): AutoregressionParameters | null {
  const maxOrder = Math.min(MAX_ORDER, Math.floor(y.length / 5));
  if (maxOrder < 1) return null;
  const mean = y.reduce((s, v) => s + v, 0) / y.length;
  const gamma = autocovariances(y, mean, maxOrder);
  const variance = gamma[0] as number;
  if (!(variance > 0)) return null;
  // Levinson-Durbin: the coefficients and innovation variance of every order up to maxOrder.
  let phi: number[] = [];
  let innovation = variance;
  let best: AutoregressionParameters = { mean, coefficients: [] };
  let bestCriterion = y.length * Math.log(variance);
  for (let order = 1; order <= maxOrder; order += 1) {
    let accumulated = gamma[order] as number;
    for (let j = 1; j < order; j += 1) accumulated -= (phi[j - 1] as number) * (gamma[order - j] as number);
    const reflection = accumulated / innovation;
    const next = phi.map((c, j) => c - reflection * (phi[order - 2 - j] as number));
    next.push(reflection);
    phi = next;
    innovation *= 1 - reflection * reflection;
    if (!(innovation > 0)) break;
    const criterion = y.length * Math.log(innovation) + Math.log(y.length) * order;
    if (criterion < bestCriterion) {
      bestCriterion = criterion;
      best = { mean, coefficients: phi.slice() };
    }
  }
  return best.coefficients.length > 0 ? best : null;
}

export function autoregressionForecast(y: readonly number[], p: AutoregressionParameters, horizon: number): number[] {
  const deviations = y.slice(-p.coefficients.length).map((v) => v - p.mean);
  const forecasts: number[] = [];
  for (let h = 0; h < horizon; h += 1) {
    let next = 0;
    p.coefficients.forEach((c, j) => {
      next += c * (deviations[deviations.length - 1 - j] ?? 0);
    });
    deviations.push(next);
    forecasts.push(p.mean + next);
  }
  return forecasts;
}
