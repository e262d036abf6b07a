import { fitMethod } from './forecast-method';
import { fitHoltWinters, holtWintersForecast } from './holt-winters';
import { deseasonalize, reseasonalize, seasonalProfile } from './seasonal-profile';

const PERIOD = 12;
const meanAbsoluteError = (actual: readonly number[], forecast: readonly number[]): number =>
  actual.reduce((sum, a, i) => sum + Math.abs(a - (forecast[i] as number)), 0) / actual.length;

// Ten years of a monthly series: a linear trend and a fixed seasonal shape, scaled by `amplitude(t)`.
function monthly(amplitude: (t: number) => number, length = 10 * PERIOD): number[] {
  return Array.from({ length }, (_, t) => (100 + 0.5 * t) * (1 + amplitude(t) * Math.sin((2 * Math.PI * t) / PERIOD)));
}

describe('Holt-Winters', () => {
  it('continues a clean trend and season', () => {
    const y = Array.from({ length: 8 * PERIOD }, (_, t) => 50 + 0.3 * t + 10 * Math.sin((2 * Math.PI * t) / PERIOD));
    const train = y.slice(0, 6 * PERIOD);
    const actual = y.slice(6 * PERIOD);
    const parameters = fitHoltWinters(train, PERIOD);
    expect(parameters).not.toBeNull();
    const forecast = holtWintersForecast(train, PERIOD, parameters!, actual.length);
    // The season's amplitude is 10. Its trend is damped (never above 0.98 a step), so the error grows
    // slowly with the horizon; a forecast that lost the season's shape would be off by about 6.
    expect(meanAbsoluteError(actual, forecast)).toBeLessThan(1.5);
    const seasonalNaive = fitMethod('seasonal-naive', train, PERIOD).forecast(train, actual.length);
    expect(meanAbsoluteError(actual, forecast)).toBeLessThan(0.5 * meanAbsoluteError(actual, seasonalNaive));
  });

  it('follows a season whose amplitude grows, where fixed seasonal indices fall behind', () => {
    // The season grows from 5 % to about 50 % of the level over the ten years.
    const y = monthly((t) => 0.05 + 0.0038 * t);
    const train = y.slice(0, 8 * PERIOD);
    const actual = y.slice(8 * PERIOD);
    const holtWinters = fitMethod('holt-winters', train, PERIOD).forecast(train, actual.length);
    // The other smoothers: damped trend on the series adjusted by the classical decomposition.
    const profile = seasonalProfile(train, PERIOD);
    expect(profile).not.toBeNull();
    const adjusted = deseasonalize(train, profile);
    const decomposed = reseasonalize(
      fitMethod('damped', adjusted, PERIOD).forecast(adjusted, actual.length),
      profile,
      train.length,
    );
    // Measured: 15.5 against 23.0.
    expect(meanAbsoluteError(actual, holtWinters)).toBeLessThan(0.8 * meanAbsoluteError(actual, decomposed));
  });

  it('chooses the multiplicative season for a positive series whose season scales with its level', () => {
    const y = Array.from(
      { length: 10 * PERIOD },
      (_, t) => 20 * 1.02 ** t * (1 + 0.3 * Math.sin((2 * Math.PI * t) / PERIOD)),
    );
    expect(fitHoltWinters(y, PERIOD)?.mode).toBe('multiplicative');
  });

  it('keeps to an additive season when the series goes below zero', () => {
    const y = Array.from({ length: 6 * PERIOD }, (_, t) => 5 * Math.sin((2 * Math.PI * t) / PERIOD) + 0.01 * t);
    expect(fitHoltWinters(y, PERIOD)?.mode).toBe('additive');
  });

  it('needs three cycles; a shorter series gets the damped trend instead', () => {
    const short = monthly(() => 0.2, 3 * PERIOD - 1);
    expect(fitHoltWinters(short, PERIOD)).toBeNull();
    const horizon = 6;
    expect(fitMethod('holt-winters', short, PERIOD).forecast(short, horizon)).toEqual(
      fitMethod('damped', short, PERIOD).forecast(short, horizon),
    );
    // Yearly data has no season of its own.
    const tenYears = monthly(() => 0.2);
    expect(fitHoltWinters(tenYears, 1)).toBeNull();
  });

  it('returns finite forecasts for a flat series and one with zeros', () => {
    for (const y of [new Array<number>(5 * PERIOD).fill(7), Array.from({ length: 5 * PERIOD }, (_, t) => t % 3)]) {
      const parameters = fitHoltWinters(y, PERIOD);
      expect(parameters).not.toBeNull();
      expect(holtWintersForecast(y, PERIOD, parameters!, 24).every(Number.isFinite)).toBe(true);
    }
  });
});
