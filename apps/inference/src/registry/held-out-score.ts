import type { ModelName } from '../artifacts/model-card';
import { evaluateDetector } from '../evaluation/anomaly-backtest';
import { classificationReport } from '../evaluation/classification-metrics';
import { backtestForecasters } from '../evaluation/forecast-backtest';
import { closedKeyResults, splitOkrs } from '../evaluation/okr-evaluation';
import { snapshotDataset } from '../models/okr-achievement/snapshot-dataset';
import { MEASUREMENT_FREQUENCIES } from '../series/measurement-frequency';
import { plantAnomalies } from '../simulation/anomaly-planter';
import { simulateMetricSeries } from '../simulation/metric-series.simulator';
import { simulateOkrs } from '../simulation/okr-trajectory.simulator';
import type { ServedModels } from '../serving/loaded-models';

export interface HeldOutScore {
  name: string;
  value: number;
  lowerIsBetter: boolean;
}

// The held-out sets the evaluation reports of src/evaluation build for a training seed (same sizes,
// same seeds), so a candidate and the version it would replace are compared on identical data
// that neither trained on.
export function heldOutScore<N extends ModelName>(name: N, seed: number, served: ServedModels[N]): HeldOutScore {
  switch (name) {
    case 'okr-achievement': {
      const model = (served as ServedModels['okr-achievement']).model;
      const test = snapshotDataset(closedKeyResults(splitOkrs(simulateOkrs(1500, seed)).test), 4, seed + 100);
      const report = classificationReport(model.probabilities(test.features), test.labels);
      return { name: 'brier', value: report.brier, lowerIsBetter: true };
    }
    case 'metric-forecast': {
      const forecaster = (served as ServedModels['metric-forecast']).model;
      const heldOut = Array.from({ length: 300 }, (_, i) =>
        simulateMetricSeries(seed * 100_000 + 50_000 + i, { frequency: MEASUREMENT_FREQUENCIES[i % 5] }),
      );
      const mase = backtestForecasters(heldOut, [{ name: 'model', forecaster }])
        .get('model')
        ?.summary().mase;
      return { name: 'mase', value: mase ?? Number.POSITIVE_INFINITY, lowerIsBetter: true };
    }
    case 'metric-anomaly': {
      const detector = (served as ServedModels['metric-anomaly']).model;
      const cases = Array.from({ length: 250 }, (_, i) => {
        const id = seed * 100_000 + 50_000 + i;
        return plantAnomalies(simulateMetricSeries(id), id + 7);
      });
      return { name: 'f1', value: evaluateDetector(cases, detector).summary().f1, lowerIsBetter: false };
    }
    default:
      throw new Error(`unknown model ${String(name)}`);
  }
}

export const beats = (candidate: HeldOutScore, current: HeldOutScore): boolean =>
  candidate.lowerIsBetter ? candidate.value < current.value : candidate.value > current.value;
