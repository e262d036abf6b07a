import { ArtifactFiles, jsonFile, readArtifactFile } from '../../artifacts/artifact-directory';
import { FORECAST_METHODS } from './forecast-method';
import { MetricForecasterConfig } from './metric-forecast.types';
import { MetricForecaster } from './metric-forecaster';

const CONFIG = 'forecaster.json';

export function forecastModelFiles(forecaster: MetricForecaster): ArtifactFiles {
  return { [CONFIG]: jsonFile(forecaster.config) };
}

export async function loadForecaster(directory: string): Promise<MetricForecaster> {
  const config = JSON.parse((await readArtifactFile(directory, CONFIG)).toString('utf8')) as MetricForecasterConfig;
  const unknown = config.candidates.filter((name) => !(FORECAST_METHODS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`forecaster artifact names unknown methods: ${unknown.join(', ')}`);
  return new MetricForecaster(config);
}
