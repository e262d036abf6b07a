import { ArtifactFiles, jsonFile, readArtifactFile } from '../../artifacts/artifact-directory';
import { tf } from '../../backend/tfjs-backend';
import { OkrAchievementModel } from './okr-achievement.model';
import { OkrModelParameters } from './okr-achievement.types';

const PARAMETERS = 'parameters.json';
const TOPOLOGY = 'network.json';
const WEIGHTS = 'network.weights.bin';

// The network is captured in memory and written as plain files (topology + weight specs, raw
// weights), so saving and loading work the same on every backend, not only tfjs-node's file://.
export async function okrModelFiles(model: OkrAchievementModel): Promise<ArtifactFiles> {
  const files: ArtifactFiles = { [PARAMETERS]: jsonFile(model.parameters) };
  if (!model.network) return files;
  let captured: tf.io.ModelArtifacts | null = null;
  await model.network.save(
    tf.io.withSaveHandler((artifacts) => {
      captured = artifacts;
      return Promise.resolve({ modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } });
    }),
  );
  const artifacts = captured as tf.io.ModelArtifacts | null;
  if (!artifacts?.weightData || !artifacts.weightSpecs) throw new Error('the network saved no weights');
  const chunks = Array.isArray(artifacts.weightData) ? artifacts.weightData : [artifacts.weightData];
  files[TOPOLOGY] = jsonFile({ modelTopology: artifacts.modelTopology, weightSpecs: artifacts.weightSpecs });
  files[WEIGHTS] = Buffer.concat(chunks.map((chunk) => Buffer.from(chunk)));
  return files;
}

export async function loadOkrModel(directory: string): Promise<OkrAchievementModel> {
  const parameters = JSON.parse((await readArtifactFile(directory, PARAMETERS)).toString('utf8')) as OkrModelParameters;
  if (parameters.kind === 'logistic-regression') return new OkrAchievementModel(parameters, null);
  const { modelTopology, weightSpecs } = JSON.parse((await readArtifactFile(directory, TOPOLOGY)).toString('utf8')) as {
    modelTopology: object;
    weightSpecs: tf.io.WeightsManifestEntry[];
  };
  const weights = await readArtifactFile(directory, WEIGHTS);
  const weightData = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer;
  const network = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology, weightSpecs, weightData }));
  return new OkrAchievementModel(parameters, network);
}
