import { activateBackend } from '../../src/backend/tfjs-backend';
import { versionId, writeArtifact } from '../../src/artifacts/artifact-directory';
import type { ModelCard, ModelName } from '../../src/artifacts/model-card';
import { closedKeyResults, splitOkrs } from '../../src/evaluation/okr-evaluation';
import { anomalyModelFiles } from '../../src/models/metric-anomaly/metric-anomaly.artifact';
import { DEFAULT_ANOMALY_CONFIG } from '../../src/models/metric-anomaly/metric-anomaly.trainer';
import { MetricAnomalyDetector } from '../../src/models/metric-anomaly/metric-anomaly-detector';
import { forecastModelFiles } from '../../src/models/metric-forecast/metric-forecast.artifact';
import { FORECAST_STRATEGIES } from '../../src/models/metric-forecast/metric-forecast.trainer';
import { MetricForecaster } from '../../src/models/metric-forecast/metric-forecaster';
import { okrModelFiles } from '../../src/models/okr-achievement/okr-achievement.artifact';
import type { OkrAchievementModel } from '../../src/models/okr-achievement/okr-achievement.model';
import { DEFAULT_OKR_TRAINING, trainOkrAchievement } from '../../src/models/okr-achievement/okr-achievement.trainer';
import type { ModelRegistryRepository } from '../../src/registry/model-registry.repository';
import { simulateOkrs } from '../../src/simulation/okr-trajectory.simulator';

// Models trained in a second on little simulated data: enough to exercise serving, not to judge quality.
export async function trainSmallOkrModel(seed: number): Promise<OkrAchievementModel> {
  await activateBackend('cpu');
  const split = splitOkrs(simulateOkrs(100, seed));
  const options = { ...DEFAULT_OKR_TRAINING, seed, neural: { ...DEFAULT_OKR_TRAINING.neural, epochs: 3 } };
  const trained = await trainOkrAchievement(closedKeyResults(split.train), closedKeyResults(split.validation), options);
  return trained.model;
}

const card = (model: ModelName, version: string, seed: number): ModelCard => ({
  model,
  version,
  createdAt: new Date().toISOString(),
  seed,
  backend: null,
  trainingSeconds: 0,
  method: 'test fixture',
  selection: 'test fixture',
  data: { source: 'simulator', description: 'small test fixture', sizes: {} },
  features: [],
  metrics: {},
});

// Writes the three models to modelDir and promotes them in the registry; returns their versions.
export async function installSmallModels(
  registry: ModelRegistryRepository,
  modelDir: string,
  seed: number,
): Promise<Record<ModelName, string>> {
  const okr = await trainSmallOkrModel(seed);
  const artifacts = {
    'okr-achievement': await okrModelFiles(okr),
    'metric-forecast': forecastModelFiles(new MetricForecaster(FORECAST_STRATEGIES.comb!)),
    'metric-anomaly': anomalyModelFiles(new MetricAnomalyDetector(DEFAULT_ANOMALY_CONFIG)),
  };
  const versions = {} as Record<ModelName, string>;
  for (const [name, files] of Object.entries(artifacts) as [ModelName, (typeof artifacts)[ModelName]][]) {
    const version = versionId(name, files);
    await writeArtifact(modelDir, files, card(name, version, seed));
    await registry.insert({
      version,
      model: name,
      seed,
      score: 0,
      scoreName: 'fixture',
      lowerIsBetter: true,
      metrics: {},
      card: card(name, version, seed),
    });
    await registry.promote(name, version, 'promote', 'test fixture');
    versions[name] = version;
  }
  return versions;
}
