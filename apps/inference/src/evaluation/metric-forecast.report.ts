import { versionId } from '../artifacts/artifact-directory';
import { ModelCard } from '../artifacts/model-card';
import { forecastModelFiles } from '../models/metric-forecast/metric-forecast.artifact';
import { trainMetricForecast } from '../models/metric-forecast/metric-forecast.trainer';
import { MetricForecaster } from '../models/metric-forecast/metric-forecaster';
import { MEASUREMENT_FREQUENCIES } from '../series/measurement-frequency';
import { simulateMetricSeries } from '../simulation/metric-series.simulator';
import { ForecastAccuracy } from './forecast-accuracy';
import { backtestForecasters, EVALUATION_HORIZON } from './forecast-backtest';
import { ModelReport } from './model-report';
import { table } from './report-table';

const TUNING_SERIES = 150;
const HELD_OUT_SERIES = 300;
const BASELINES = {
  naive: new MetricForecaster({ strategy: 'select', candidates: ['naive'], maxOrigins: 40 }),
  'seasonal-naive': new MetricForecaster({ strategy: 'select', candidates: ['seasonal-naive'], maxOrigins: 40 }),
};

type Summary = ReturnType<ForecastAccuracy['summary']>;

// Tuning and held-out series come from disjoint seeds; every frequency is equally represented.
export function metricForecastReport(seed: number): ModelReport {
  const started = Date.now();
  const series = (count: number, offset: number) =>
    Array.from({ length: count }, (_, i) =>
      simulateMetricSeries(seed * 100_000 + offset + i, { frequency: MEASUREMENT_FREQUENCIES[i % 5] }),
    );
  const trained = trainMetricForecast(series(TUNING_SERIES, 0));
  const trainingSeconds = (Date.now() - started) / 1000;
  const model = new MetricForecaster(trained.config);
  const heldOut = series(HELD_OUT_SERIES, 50_000);
  const forecasters = [
    { name: 'model', forecaster: model },
    ...Object.entries(BASELINES).map(([name, forecaster]) => ({ name, forecaster })),
  ];
  const overall = backtestForecasters(heldOut, forecasters);
  const byFrequency = MEASUREMENT_FREQUENCIES.map((frequency) => ({
    frequency,
    accuracy: backtestForecasters(
      heldOut.filter((s) => s.frequency === frequency),
      forecasters,
    ),
  }));
  const summaries = Object.fromEntries([...overall].map(([name, a]) => [name, a.summary()])) as Record<string, Summary>;
  const ratio = (summaries.model?.mase ?? Number.NaN) / (summaries['seasonal-naive']?.mase ?? Number.NaN);
  const files = forecastModelFiles(model);
  const card: ModelCard = {
    model: 'metric-forecast',
    version: versionId('metric-forecast', files),
    createdAt: new Date().toISOString(),
    seed,
    backend: null,
    trainingSeconds,
    method: `per-series ${trained.config.strategy} over ${trained.config.candidates.join(', ')} by rolling-origin backtest; conformal intervals from the same backtest`,
    selection: `strategy "${trained.name}" had the lowest tuning MASE (${Object.entries(trained.tuningMase)
      .map(([k, v]) => `${k} ${v.toFixed(3)}`)
      .join(', ')}); no network: classical methods are the M4 benchmarks and train in milliseconds`,
    data: {
      source: 'simulator',
      description: `simulateMetricSeries: ${TUNING_SERIES} tuning and ${HELD_OUT_SERIES} held-out series, all five frequencies; 2 rolling origins per series, horizons ${JSON.stringify(EVALUATION_HORIZON)}`,
      sizes: { tuningSeries: TUNING_SERIES, heldOutSeries: HELD_OUT_SERIES },
    },
    features: ['the series itself'],
    metrics: { overall: summaries, maseVsSeasonalNaive: ratio },
  };
  const line = (name: string, s: Summary | undefined): (string | number)[] =>
    s ? [name, s.mase, s.smape, s.coverage80, s.coverage95, s.forecasts] : [name];
  const text = [
    `metric-forecast (strategy ${trained.name}), tuned in ${trainingSeconds.toFixed(1)} s; MASE vs seasonal-naive ${ratio.toFixed(3)}`,
    table(
      ['held out', 'MASE', 'sMAPE %', 'cover 80', 'cover 95', 'forecasts'],
      [
        ...[...overall].map(([name, a]) => line(name, a.summary())),
        ...byFrequency.flatMap(({ frequency, accuracy }) =>
          [...accuracy].map(([name, a]) => line(`${frequency} ${name}`, a.summary())),
        ),
      ],
    ),
  ].join('\n');
  return { card, files, text };
}
