import { targetReached } from '../models/okr-achievement/key-result-outcome';
import { plantAnomalies } from './anomaly-planter';
import { simulateMetricSeries } from './metric-series.simulator';
import { simulateOkrs } from './okr-trajectory.simulator';

describe('simulators', () => {
  it('are deterministic by seed', () => {
    expect(simulateOkrs(5, 1)).toEqual(simulateOkrs(5, 1));
    expect(simulateOkrs(5, 1)).not.toEqual(simulateOkrs(5, 2));
    expect(plantAnomalies(simulateMetricSeries(3), 4)).toEqual(plantAnomalies(simulateMetricSeries(3), 4));
  });

  it('produce key results of both directions whose outcome is the end value against the target', () => {
    const keyResults = simulateOkrs(60, 9).flatMap((okr) => okr.keyResults);
    const decreasing = keyResults.filter((kr) => kr.history.targetValue < kr.history.baselineValue);
    expect(decreasing.length).toBeGreaterThan(0);
    expect(decreasing.some((kr) => kr.reached)).toBe(true);
    for (const kr of keyResults) expect(kr.reached).toBe(targetReached(kr.history, kr.finalValue));
    for (const kr of decreasing) expect(kr.reached).toBe(kr.finalValue <= kr.history.targetValue);
  });

  it('keep check-ins inside the period and confidences in [0, 1]', () => {
    for (const okr of simulateOkrs(30, 5)) {
      for (const { history } of okr.keyResults) {
        for (const checkIn of history.checkIns) {
          expect(checkIn.checkedInAt.slice(0, 10) >= history.periodStart).toBe(true);
          expect(checkIn.checkedInAt.slice(0, 10) <= history.periodEnd).toBe(true);
          expect(checkIn.confidence).toBeGreaterThanOrEqual(0);
          expect(checkIn.confidence).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('label planted anomalies inside the series and keep missing steps missing', () => {
    const series = simulateMetricSeries(12, { frequency: 'daily', length: 400 });
    const { series: planted, anomalies } = plantAnomalies(series, 13);
    expect(anomalies.length).toBeGreaterThan(0);
    for (const a of anomalies) {
      expect(a.start).toBeGreaterThanOrEqual(10);
      expect(a.end).toBeLessThan(series.complete.length);
    }
    expect(planted.observations.map((o) => o.measuredOn)).toEqual(series.observations.map((o) => o.measuredOn));
  });
});
