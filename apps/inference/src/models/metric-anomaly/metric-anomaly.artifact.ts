import { ArtifactFiles, jsonFile, readArtifactFile } from '../../artifacts/artifact-directory';
import { MetricAnomalyConfig } from './metric-anomaly.types';
import { MetricAnomalyDetector } from './metric-anomaly-detector';

const CONFIG = 'detector.json';

export function anomalyModelFiles(detector: MetricAnomalyDetector): ArtifactFiles {
  return { [CONFIG]: jsonFile(detector.config) };
}

export async function loadAnomalyDetector(directory: string): Promise<MetricAnomalyDetector> {
  const config = JSON.parse((await readArtifactFile(directory, CONFIG)).toString('utf8')) as MetricAnomalyConfig;
  if (!(config.threshold > 0 && config.shiftWindow >= 3 && config.minFlatRun >= 2)) {
    throw new Error(`anomaly detector artifact has an invalid config: ${JSON.stringify(config)}`);
  }
  return new MetricAnomalyDetector(config);
}
