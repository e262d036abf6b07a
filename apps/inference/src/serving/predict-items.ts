import type { PredictionItem, PredictionModelName, PredictionOutput } from '@qbm/contracts';
import type { ServedModels } from './loaded-models';

export const MODEL_OF_KIND: Readonly<Record<PredictionItem['kind'], PredictionModelName>> = {
  'key-result': 'okr-achievement',
  okr: 'okr-achievement',
  forecast: 'metric-forecast',
  anomaly: 'metric-anomaly',
};

export interface PredictedItems {
  outputs: PredictionOutput[];
  // Per model: items served and items that failed, for the metrics.
  counts: Map<PredictionModelName, { success: number; error: number }>;
}

const errorOutput = (id: string, error: unknown): PredictionOutput => ({
  kind: 'error',
  id,
  code: 'PREDICTION.FAILED',
  message: error instanceof Error ? error.message.slice(0, 300) : 'prediction failed',
});

// Predicts a batch: all key results (those of OKRs included) go through the network in one call,
// since its cost is per call; forecasts and anomalies are per series. An item that throws gets a
// coded error output; the others are still served.
export function predictItems(items: readonly PredictionItem[], models: ServedModels): PredictedItems {
  const counts = new Map<PredictionModelName, { success: number; error: number }>();
  const count = (model: PredictionModelName, ok: boolean): void => {
    const entry = counts.get(model) ?? { success: 0, error: 0 };
    if (ok) entry.success += 1;
    else entry.error += 1;
    counts.set(model, entry);
  };
  const outputs = new Array<PredictionOutput>(items.length);
  const keyResultItems: number[] = [];
  items.forEach((item, index) => {
    try {
      switch (item.kind) {
        case 'key-result':
          keyResultItems.push(index);
          return;
        case 'okr': {
          const okr = models['okr-achievement'].model.predictOkr({ keyResults: item.keyResults }, item.asOf);
          outputs[index] = {
            kind: 'okr',
            id: item.id,
            probability: okr.probability,
            expectedScore: okr.expectedScore,
            keyResults: okr.keyResults.map((kr, i) => ({
              id: item.keyResults[i]?.id ?? String(i),
              probability: kr.probability,
              drivers: kr.drivers,
            })),
          };
          break;
        }
        case 'forecast': {
          const forecast = models['metric-forecast'].model.forecast(item);
          outputs[index] = {
            kind: 'forecast',
            id: item.id,
            method: forecast.method,
            lastObserved: forecast.lastObserved,
            points: forecast.points,
          };
          break;
        }
        case 'anomaly':
          outputs[index] = { kind: 'anomaly', id: item.id, values: models['metric-anomaly'].model.detect(item) };
          break;
        default:
          throw new Error(`unknown item kind ${(item as { kind: string }).kind}`);
      }
      count(MODEL_OF_KIND[item.kind], true);
    } catch (error) {
      outputs[index] = errorOutput(item.id, error);
      count(MODEL_OF_KIND[item.kind], false);
    }
  });
  predictKeyResults(items, keyResultItems, models, outputs, count);
  return { outputs, counts };
}

function predictKeyResults(
  items: readonly PredictionItem[],
  indexes: readonly number[],
  models: ServedModels,
  outputs: PredictionOutput[],
  count: (model: PredictionModelName, ok: boolean) => void,
): void {
  if (indexes.length === 0) return;
  const queries = indexes.map((index) => {
    const item = items[index] as Extract<PredictionItem, { kind: 'key-result' }>;
    return { history: item.history, asOf: item.asOf };
  });
  const model = models['okr-achievement'].model;
  let predictions: ReturnType<typeof model.predictKeyResults>;
  try {
    predictions = model.predictKeyResults(queries);
  } catch (error) {
    if (indexes.length === 1) {
      const index = indexes[0] as number;
      outputs[index] = errorOutput((items[index] as PredictionItem).id, error);
      count('okr-achievement', false);
      return;
    }
    // One bad history must not sink the batch: retry item by item to find it.
    for (const index of indexes) predictKeyResults(items, [index], models, outputs, count);
    return;
  }
  indexes.forEach((index, i) => {
    const prediction = predictions[i];
    const id = (items[index] as PredictionItem).id;
    if (!prediction) return;
    outputs[index] = {
      kind: 'key-result',
      id,
      probability: prediction.probability,
      drivers: prediction.drivers,
      features: prediction.features,
    };
    count('okr-achievement', true);
  });
}
