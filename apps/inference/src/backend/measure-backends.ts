// Measures the okr-achievement network on each TensorFlow.js backend (one process, short runs) and
// the pure-TypeScript models beside it, to choose each model's default backend by measurement:
// `pnpm --filter @qbm/inference run measure-backends`. Figures are noisy on a shared machine; read
// the ratios.
import { closedKeyResults, splitOkrs } from '../evaluation/okr-evaluation';
import { MetricAnomalyDetector } from '../models/metric-anomaly/metric-anomaly-detector';
import { DEFAULT_ANOMALY_CONFIG } from '../models/metric-anomaly/metric-anomaly.trainer';
import { FORECAST_STRATEGIES } from '../models/metric-forecast/metric-forecast.trainer';
import { MetricForecaster } from '../models/metric-forecast/metric-forecaster';
import { fitStandardizer, standardize } from '../models/okr-achievement/feature-standardizer';
import { fitLogisticRegression, logisticLogit } from '../models/okr-achievement/logistic-regression';
import { DEFAULT_NEURAL_OPTIONS, networkLogits, trainNetwork } from '../models/okr-achievement/neural-classifier';
import { snapshotDataset } from '../models/okr-achievement/snapshot-dataset';
import { simulateMetricSeries } from '../simulation/metric-series.simulator';
import { simulateOkrs } from '../simulation/okr-trajectory.simulator';
import { activateBackend, TFJS_BACKENDS, tf } from './tfjs-backend';

// Calls per second of `work`, over about `seconds`.
function rate(work: () => void, seconds = 1): number {
  work();
  let calls = 0;
  const started = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < seconds) {
    work();
    calls += 1;
    elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  }
  return calls / elapsed;
}

async function main(): Promise<void> {
  const split = splitOkrs(simulateOkrs(300, 1));
  const data = snapshotDataset(closedKeyResults(split.train), 4, 1);
  const scaler = fitStandardizer(data.features);
  const x = data.features.map((r) => standardize(scaler, r));
  const single = x.slice(0, 12); // one key result with its drivers: 1 + 11 occluded rows
  const batch = x.slice(0, 256);
  const lines: string[] = [];
  let wasmSingle = Number.NaN;
  let wasmBatch = Number.NaN;
  for (const requested of TFJS_BACKENDS) {
    const active = await activateBackend(requested);
    if (active.backend !== requested) {
      lines.push(`${requested}: unavailable (${active.fallbackReason ?? 'fell back'})`);
      continue;
    }
    const started = Date.now();
    const network = await trainNetwork(x, data.labels, { ...DEFAULT_NEURAL_OPTIONS, epochs: 3 });
    const trainSeconds = (Date.now() - started) / 1000;
    const singleRate = rate(() => networkLogits(network, single));
    const batchRate = rate(() => networkLogits(network, batch)) * batch.length;
    if (requested === 'wasm') [wasmSingle, wasmBatch] = [singleRate, batchRate];
    lines.push(
      `${requested.padEnd(10)} train 3 epochs (${x.length} rows) ${trainSeconds.toFixed(2)} s | ` +
        `prediction with drivers ${singleRate.toFixed(0)}/s | batch 256 ${batchRate.toFixed(0)} rows/s`,
    );
    network.dispose();
  }
  const logistic = fitLogisticRegression(x, data.labels);
  const lrRate = rate(() => batch.forEach((r) => logisticLogit(logistic, r))) * batch.length;
  lines.push(`logistic regression (TypeScript): ${lrRate.toFixed(0)} rows/s`);
  lines.push(
    `wasm reference: ${wasmSingle.toFixed(0)} predictions/s, ${wasmBatch.toFixed(0)} rows/s; tf.memory ${tf.memory().numBytes} bytes`,
  );
  const daily = simulateMetricSeries(5, { frequency: 'daily', length: 730 });
  const history = { frequency: daily.frequency, values: daily.observations };
  const forecaster = new MetricForecaster(
    FORECAST_STRATEGIES['select-any'] ?? { strategy: 'comb', candidates: ['comb'], maxOrigins: 40 },
  );
  const detector = new MetricAnomalyDetector(DEFAULT_ANOMALY_CONFIG);
  lines.push(
    `metric-forecast (TypeScript, 730 daily values, horizon 30): ${(1000 / rate(() => forecaster.forecast({ history, horizon: 30 }))).toFixed(1)} ms per forecast`,
  );
  lines.push(
    `metric-anomaly (TypeScript, 730 daily values): ${(1000 / rate(() => detector.detect({ history }))).toFixed(1)} ms per series`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
