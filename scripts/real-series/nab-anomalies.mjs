// `pnpm real-series:anomalies <NAB checkout>`: metric-anomaly on the 47 real series of the Numenta
// Anomaly Benchmark (git clone https://github.com/numenta/NAB; MIT; nothing of it is kept here), with
// its labelled anomaly windows, against the rolling median/MAD baseline. Both are trained as
// `evaluate` trains them (thresholds tuned on simulated series, base seed). NAB's series are machine
// and traffic readings every 5 to 60 minutes; each value is laid on the daily calendar as one step,
// so the detector's weekly season is a cycle of seven readings that these series do not have.
// Reports, per NAB category: windows found (any flag inside), flags inside windows among all flags,
// their F1, and flags outside any window per 1,000 readings.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadInferenceDist } from './inference-dist.mjs';
import { build, ensureInstalled, ROOT } from '../lib.mjs';

const TUNING_SERIES = 150;
const DAY_MS = 86_400_000;

// A NAB file: its readings in order, and each labelled window as the steps it spans.
function readSeries(nab, name, windows) {
  const rows = readFileSync(join(nab, 'data', name), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const times = rows.map((row) => row.slice(0, row.indexOf(',')).trim());
  const values = rows.map((row) => Number(row.slice(row.indexOf(',') + 1)));
  // Window bounds carry microseconds ("2014-02-19 10:50:00.000000"); readings do not.
  const stepAt = (bound) => {
    const time = bound.replace(/\.0+$/, '');
    const index = times.findIndex((t) => t >= time);
    return index < 0 ? times.length - 1 : index;
  };
  const labels = (windows[name] ?? []).map(([start, end]) => ({ start: stepAt(start), end: stepAt(end), kind: 'nab' }));
  return { values, labels };
}

function main() {
  const nab = process.argv[2];
  if (!nab || !existsSync(join(nab, 'labels/combined_windows.json'))) {
    process.stderr.write(
      'usage: pnpm real-series:anomalies <a NAB checkout> (git clone https://github.com/numenta/NAB)\n',
    );
    process.exit(2);
  }
  ensureInstalled();
  build('@qbm/inference...');
  const q = loadInferenceDist([
    'config/inference.config.js',
    'models/metric-anomaly/metric-anomaly-detector.js',
    'models/metric-anomaly/metric-anomaly.trainer.js',
    'simulation/anomaly-planter.js',
    'simulation/metric-series.simulator.js',
    'evaluation/detection-accuracy.js',
    'evaluation/rolling-mad-baseline.js',
    'series/measurement-frequency.js',
  ]);
  const tuning = Array.from({ length: TUNING_SERIES }, (_, i) => {
    const id = q.BASE_MODEL_SEED * 100_000 + i;
    return q.plantAnomalies(q.simulateMetricSeries(id), id + 7);
  });
  const trained = q.trainMetricAnomaly(tuning);
  const detector = new q.MetricAnomalyDetector(trained.config);
  const windows = JSON.parse(readFileSync(join(nab, 'labels/combined_windows.json'), 'utf8'));
  const day0 = Date.UTC(2000, 0, 1);
  const dateOf = (step) => new Date(day0 + step * DAY_MS).toISOString().slice(0, 10);

  const lines = [
    `metric-anomaly threshold ${trained.config.threshold}, rolling median/MAD threshold ${trained.baselineThreshold}`,
    '',
    '| NAB category | series | windows | detector: found | inside windows | F1 | outside per 1,000 | median/MAD: found | inside windows | F1 | outside per 1,000 |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const totals = {
    model: new q.DetectionAccuracy(0),
    baseline: new q.DetectionAccuracy(0),
    outside: [0, 0],
    readings: 0,
    series: 0,
  };
  const categories = readdirSync(join(nab, 'data'))
    .filter((name) => name.startsWith('real'))
    .sort();
  for (const category of categories) {
    const model = new q.DetectionAccuracy(0);
    const baseline = new q.DetectionAccuracy(0);
    const outside = [0, 0];
    let readings = 0;
    const files = readdirSync(join(nab, 'data', category)).filter((f) => f.endsWith('.csv'));
    for (const file of files) {
      const { values, labels } = readSeries(nab, `${category}/${file}`, windows);
      const scored = detector.detect({
        history: { frequency: 'daily', values: values.map((value, i) => ({ measuredOn: dateOf(i), value })) },
      });
      const flagged = scored.flatMap((s, i) => (s.flagged ? [i] : []));
      const baselineFlagged = q
        .rollingMadScores(values, q.SEASON_LENGTH.daily)
        .flatMap((score, i) => (score >= trained.baselineThreshold ? [i] : []));
      const isOutside = (step) => !labels.some((l) => step >= l.start && step <= l.end);
      [flagged, baselineFlagged].forEach((steps, k) => {
        [model, baseline][k].add(labels, steps);
        [totals.model, totals.baseline][k].add(labels, steps);
        const count = steps.filter(isOutside).length;
        outside[k] += count;
        totals.outside[k] += count;
      });
      readings += values.length;
    }
    totals.readings += readings;
    totals.series += files.length;
    lines.push(row(category, files.length, model.summary(), baseline.summary(), outside, readings));
  }
  lines.push(
    row('all', totals.series, totals.model.summary(), totals.baseline.summary(), totals.outside, totals.readings),
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

function row(name, series, model, baseline, outside, readings) {
  const cells = (s, k) => [
    s.events === 0 ? '-' : `${Math.round(s.recall * s.events)}/${s.events}`,
    `${(100 * s.precision).toFixed(1)} %`,
    s.f1.toFixed(3),
    ((1000 * outside[k]) / readings).toFixed(1),
  ];
  return `| ${[name, series, model.events, ...cells(model, 0), ...cells(baseline, 1)].join(' | ')} |`;
}

main();
