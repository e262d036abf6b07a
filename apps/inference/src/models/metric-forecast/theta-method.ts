import { fitSmoothing, smoothingForecast } from './exponential-smoothing';

// The Theta method in the form of Hyndman & Billah (2003): simple exponential smoothing plus half the
// slope of a straight-line fit, with the drift term's start-up correction.
export interface ThetaParameters {
  alpha: number;
}

function linearSlope(y: readonly number[]): number {
  const n = y.length;
  if (n < 2) return 0;
  const tMean = (n - 1) / 2;
  const yMean = y.reduce((s, v) => s + v, 0) / n;
  let num = 0;
  let den = 0;
  for (let t = 0; t < n; t += 1) {
    num += (t - tMean) * ((y[t] as number) - yMean);
    den += (t - tMean) ** 2;
  }
  return num / den;
}

export function fitTheta(y: readonly number[]): ThetaParameters {
  return { alpha: fitSmoothing(y, 'ses').alpha };
}

export function thetaForecast(y: readonly number[], p: ThetaParameters, horizon: number): number[] {
  const ses = smoothingForecast(y, 'ses', { alpha: p.alpha, beta: 0, phi: 1 }, horizon);
  const drift = linearSlope(y) / 2;
  const startUp = (1 - (1 - p.alpha) ** y.length) / p.alpha;
  return ses.map((value, i) => value + drift * (i + startUp));
}
