import { SeededRandom } from '../../random/seeded-random';
import { autoregressionForecast, fitAutoregression } from './autoregression';
import { fitMethod } from './forecast-method';

const meanAbsoluteError = (actual: readonly number[], forecast: readonly number[]): number =>
  actual.reduce((sum, a, i) => sum + Math.abs(a - (forecast[i] as number)), 0) / actual.length;

// y[t] = 50 + 1.5 (y[t-1] - 50) - 0.8 (y[t-2] - 50) + noise: a cycle of about ten steps with no fixed
// period, like lynx or sunspot counts.
function cyclic(length: number, seed: number): number[] {
  const random = new SeededRandom(seed);
  const y = [50, 52];
  while (y.length < length) {
    const t = y.length;
    y.push(50 + 1.5 * ((y[t - 1] as number) - 50) - 0.8 * ((y[t - 2] as number) - 50) + random.normal(0, 1));
  }
  return y;
}

describe('autoregression', () => {
  it('recovers the coefficients of an AR(2) cycle', () => {
    const fitted = fitAutoregression(cyclic(400, 1));
    expect(fitted?.coefficients).toHaveLength(2);
    expect(fitted?.coefficients[0]).toBeCloseTo(1.5, 1);
    expect(fitted?.coefficients[1]).toBeCloseTo(-0.8, 1);
    expect(fitted?.mean).toBeCloseTo(50, 0);
  });

  it('forecasts the next turns of a cycle better than the smoothers or the mean', () => {
    let autoregressive = 0;
    let damped = 0;
    let mean = 0;
    for (let seed = 1; seed <= 20; seed += 1) {
      const y = cyclic(100, seed);
      const train = y.slice(0, 95);
      const actual = y.slice(95);
      autoregressive += meanAbsoluteError(actual, fitMethod('autoregression', train, 1).forecast(train, 5));
      damped += meanAbsoluteError(actual, fitMethod('damped', train, 1).forecast(train, 5));
      const level = train.reduce((s, v) => s + v, 0) / train.length;
      mean += meanAbsoluteError(actual, new Array<number>(5).fill(level));
    }
    expect(autoregressive).toBeLessThan(0.7 * damped);
    expect(autoregressive).toBeLessThan(0.7 * mean);
  });

  it('returns to the mean far ahead instead of running away', () => {
    const y = cyclic(200, 3);
    const fitted = fitAutoregression(y);
    expect(fitted).not.toBeNull();
    const far = autoregressionForecast(y, fitted!, 300).slice(-20);
    for (const value of far) expect(Math.abs(value - fitted!.mean)).toBeLessThan(0.5);
  });

  it('gives way to the last value for a series too short or constant to fit', () => {
    expect(fitAutoregression([1, 2, 3, 4])).toBeNull();
    expect(fitAutoregression(new Array<number>(50).fill(7))).toBeNull();
    expect(fitMethod('autoregression', [1, 2, 3, 4], 1).forecast([1, 2, 3, 4], 3)).toEqual([4, 4, 4]);
  });

  it('chooses no longer model than the data support: white noise gets no coefficients', () => {
    const random = new SeededRandom(9);
    const noise = Array.from({ length: 300 }, () => random.normal(10, 1));
    expect(fitAutoregression(noise)).toBeNull();
  });
});
