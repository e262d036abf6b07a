// `pnpm real-series [--detail] [--no-references]`: metric-forecast on real series, which neither its design nor its
// training saw (it is tuned on simulated series only). The series come from R's datasets package
// (export-series.R; needs Rscript: apt-get install r-base-core). Each series is cut at up to four
// origins in its second half, non-overlapping windows of the evaluation horizon at its end; QBM's
// trained model, naive and seasonal-naive forecast from each, and, when R has the forecast and
// jsonlite packages (apt-get install r-cran-forecast r-cran-jsonlite), so do ets, auto.arima and
// thetaf on the same histories (reference-forecasts.R, about three minutes). Reports MASE per
// forecast (scaled by the history's in-sample seasonal-naive error), its mean and geometric mean,
// and the coverage of the 80 % and 95 % intervals.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInferenceDist } from './inference-dist.mjs';
import { build, ensureInstalled, log, ROOT } from '../lib.mjs';

const ORIGINS = 4;
const TUNING_SERIES = 150;
const HERE = join(ROOT, 'scripts/real-series');
const detail = process.argv.includes('--detail');
const withReferences = !process.argv.includes('--no-references');

function rscript(args) {
  return spawnSync('Rscript', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

// The calendar date of a series' first value: its own start for monthly to yearly data.
function anchorDate(series) {
  if (series.frequency === 'daily') return '2020-01-06';
  const year = Math.floor(series.start + 1e-9);
  const month = Math.round((series.start - year) * 12);
  return `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

// In-sample mean absolute error of the seasonal-naive forecast, over pairs where both values exist:
// the project's maseScale takes a complete history, and two of these series have gaps.
function maseScale(history, period) {
  const lag = period > 1 && history.length > period ? period : 1;
  let sum = 0;
  let count = 0;
  for (let t = lag; t < history.length; t += 1) {
    if (history[t] === null || history[t - lag] === null) continue;
    sum += Math.abs(history[t] - history[t - lag]);
    count += 1;
  }
  return count > 0 ? sum / count : Number.NaN;
}

// Each series' origins: the history before each and the truth after it.
function originsOf(series, q) {
  const n = series.values.length;
  const horizon = Math.max(1, Math.min(q.EVALUATION_HORIZON[series.frequency], Math.floor(n / 3)));
  const period = q.SEASON_LENGTH[series.frequency];
  const calendar = new q.FrequencyCalendar(series.frequency, anchorDate(series));
  const cuts = [];
  for (let k = 1; k <= ORIGINS; k += 1) {
    const origin = n - k * horizon;
    if (origin < Math.max(8, n / 2)) break;
    const history = series.values.slice(0, origin);
    // A history ending in a gap is forecast from its last value: that many steps more reach the truth.
    const trailingGap = history.length - 1 - history.findLastIndex((value) => value !== null);
    cuts.push({
      id: `${series.name}#${k}`,
      origin,
      horizon,
      trailingGap,
      period,
      history,
      observations: history.flatMap((value, i) => (value === null ? [] : [{ measuredOn: calendar.date(i), value }])),
      truth: series.values.slice(origin, origin + horizon),
      dates: Array.from({ length: horizon }, (_, i) => calendar.date(origin + i)),
      scale: maseScale(history, period),
    });
  }
  return cuts;
}

// The project's ForecastAccuracy (mean MASE, coverage), plus each forecast's MASE for the geometric
// mean and the per-series lines.
class Tally {
  mase = [];

  constructor(q) {
    this.q = q;
    this.accuracy = new q.ForecastAccuracy();
  }

  add(cut, pointAt) {
    const scores = cut.truth.flatMap((actual, i) => {
      const point = pointAt(i);
      return actual === null || !point ? [] : [this.q.scorePoint(actual, point)];
    });
    this.accuracy.addForecast(scores, cut.scale);
    if (scores.length === 0 || !(cut.scale > 0)) return undefined;
    const mase = scores.reduce((sum, score) => sum + score.absoluteError, 0) / scores.length / cut.scale;
    this.mase.push(mase);
    return mase;
  }

  row(name) {
    const { mase, coverage80, coverage95, forecasts } = this.accuracy.summary();
    const geometric = Math.exp(this.mase.reduce((s, v) => s + Math.log(Math.max(v, 1e-6)), 0) / this.mase.length);
    const share = (coverage) => `${(100 * coverage).toFixed(1)} %`;
    return `| ${name} | ${forecasts} | ${mase.toFixed(3)} | ${geometric.toFixed(3)} | ${share(coverage80)} | ${share(coverage95)} |`;
  }
}

function referenceForecasts(cuts) {
  const probe = rscript(['-e', 'suppressMessages({library(forecast); library(jsonlite)})']);
  if (probe.status !== 0) {
    log('real-series: R has no forecast or jsonlite package; ets, auto.arima and thetaf are left out');
    return {};
  }
  log(`real-series: R's ets, auto.arima and thetaf on the same ${cuts.length} histories (a few minutes)`);
  const dir = mkdtempSync(join(tmpdir(), 'qbm-real-series-'));
  try {
    const tasks = cuts.map(({ id, history, period, horizon }) => ({ id, values: history, period, horizon }));
    writeFileSync(join(dir, 'tasks.json'), JSON.stringify(tasks));
    const result = rscript([join(HERE, 'reference-forecasts.R'), join(dir, 'tasks.json'), join(dir, 'out.json')]);
    if (result.status !== 0) throw new Error(`reference-forecasts.R failed: ${result.stderr}`);
    return JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main() {
  if (rscript(['--version']).error) {
    process.stderr.write('real-series: needs Rscript for R datasets package (apt-get install r-base-core)\n');
    process.exit(2);
  }
  ensureInstalled();
  build('@qbm/inference...');
  const q = loadInferenceDist([
    'config/inference.config.js',
    'models/metric-forecast/metric-forecaster.js',
    'models/metric-forecast/metric-forecast.trainer.js',
    'series/frequency-calendar.js',
    'series/measurement-frequency.js',
    'evaluation/forecast-backtest.js',
    'evaluation/forecast-accuracy.js',
    'simulation/metric-series.simulator.js',
  ]);
  const exported = rscript([join(HERE, 'export-series.R')]);
  if (exported.status !== 0) throw new Error(`export-series.R failed: ${exported.stderr}`);
  const series = JSON.parse(exported.stdout);

  // The strategy with the lowest MASE on simulated tuning series, as `evaluate` chooses it.
  const tuning = Array.from({ length: TUNING_SERIES }, (_, i) =>
    q.simulateMetricSeries(q.BASE_MODEL_SEED * 100_000 + i, { frequency: q.MEASUREMENT_FREQUENCIES[i % 5] }),
  );
  const trained = q.trainMetricForecast(tuning);
  const forecasters = {
    [`QBM metric-forecast (${trained.name})`]: new q.MetricForecaster(trained.config),
    naive: new q.MetricForecaster({ strategy: 'select', candidates: ['naive'], maxOrigins: 40 }),
    'seasonal-naive': new q.MetricForecaster({ strategy: 'select', candidates: ['seasonal-naive'], maxOrigins: 40 }),
  };
  const cuts = series.flatMap((s) => originsOf(s, q).map((cut) => ({ ...cut, series: s })));
  const references = withReferences ? referenceForecasts(cuts) : {};

  const tallies = new Map();
  const perSeries = new Map();
  const record = (name, cut, pointAt) => {
    if (!tallies.has(name)) tallies.set(name, new Tally(q));
    const mase = tallies.get(name).add(cut, pointAt);
    if (mase === undefined) return;
    if (!perSeries.has(cut.series.name)) perSeries.set(cut.series.name, new Map());
    const bySeries = perSeries.get(cut.series.name);
    if (!bySeries.has(name)) bySeries.set(name, []);
    bySeries.get(name).push(mase);
  };
  for (const cut of cuts) {
    for (const [name, forecaster] of Object.entries(forecasters)) {
      // Points are matched to the truth by date.
      const forecast = forecaster.forecast({
        history: { frequency: cut.series.frequency, values: cut.observations },
        horizon: cut.horizon + cut.trailingGap,
      });
      const byDate = new Map(forecast.points.map((point) => [point.date, point]));
      record(name, cut, (i) => byDate.get(cut.dates[i]));
    }
    for (const [name, byId] of Object.entries(references)) {
      const points = byId[cut.id];
      if (points) record(`R ${name}`, cut, (i) => points[i]);
    }
  }

  const frequencies = [...new Set(series.map((s) => s.frequency))]
    .map((f) => `${series.filter((s) => s.frequency === f).length} ${f}`)
    .join(', ');
  const lines = [
    `${series.length} series from R's datasets package (${frequencies}), ${cuts.length} forecasts:`,
    '',
    '| method | forecasts | mean MASE | geometric mean MASE | inside 80 % interval | inside 95 % interval |',
    '|---|---|---|---|---|---|',
    ...[...tallies].map(([name, tally]) => tally.row(name)),
  ];
  if (detail) {
    lines.push('', 'Mean MASE per series:');
    for (const [name, bySeries] of perSeries) {
      const cells = [...bySeries].map(([method, values]) => {
        const mean = values.reduce((s, v) => s + v, 0) / values.length;
        return `${method} ${mean.toFixed(2)}`;
      });
      lines.push(`- ${name}: ${cells.join(', ')}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
