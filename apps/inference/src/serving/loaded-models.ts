import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelName } from '../artifacts/model-card';
import { loadAnomalyDetector } from '../models/metric-anomaly/metric-anomaly.artifact';
import type { MetricAnomalyDetector } from '../models/metric-anomaly/metric-anomaly-detector';
import { loadForecaster } from '../models/metric-forecast/metric-forecast.artifact';
import type { MetricForecaster } from '../models/metric-forecast/metric-forecaster';
import { loadOkrModel } from '../models/okr-achievement/okr-achievement.artifact';
import type { OkrAchievementModel } from '../models/okr-achievement/okr-achievement.model';

// One served version of each model, loaded from its artifact folder.
export interface ServedModels {
  'okr-achievement': { version: string; model: OkrAchievementModel; bytes: number };
  'metric-forecast': { version: string; model: MetricForecaster; bytes: number };
  'metric-anomaly': { version: string; model: MetricAnomalyDetector; bytes: number };
}

export type ServedModel<N extends ModelName> = ServedModels[N];

async function folderBytes(directory: string): Promise<number> {
  const names = await readdir(directory);
  const sizes = await Promise.all(names.map(async (name) => (await stat(join(directory, name))).size));
  return sizes.reduce((sum, size) => sum + size, 0);
}

export async function loadServedModel<N extends ModelName>(
  name: N,
  modelDir: string,
  version: string,
): Promise<ServedModels[N]> {
  const directory = join(modelDir, version);
  const bytes = await folderBytes(directory);
  switch (name) {
    case 'okr-achievement':
      return { version, model: await loadOkrModel(directory), bytes } as ServedModels[N];
    case 'metric-forecast':
      return { version, model: await loadForecaster(directory), bytes } as ServedModels[N];
    case 'metric-anomaly':
      return { version, model: await loadAnomalyDetector(directory), bytes } as ServedModels[N];
    default:
      throw new Error(`unknown model ${String(name)}`);
  }
}
