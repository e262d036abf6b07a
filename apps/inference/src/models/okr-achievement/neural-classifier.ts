import { tf } from '../../backend/tfjs-backend';
import type { OnTrainingProgress } from '../../registry/training-progress';
import { SeededRandom } from '../../random/seeded-random';

// A small multilayer perceptron on standardized features, trained with Adam on binary cross-entropy.
// Deterministic by seed: initial weights come from the seeded PRNG (Glorot-uniform), batches are
// shuffled by it, and there is no dropout.
export interface NeuralTrainingOptions {
  hiddenUnits: number[];
  epochs: number;
  batchSize: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export const DEFAULT_NEURAL_OPTIONS: NeuralTrainingOptions = {
  hiddenUnits: [16, 8],
  epochs: 30,
  batchSize: 64,
  learningRate: 0.005,
  l2: 1e-4,
  seed: 7,
};

export function buildNetwork(inputs: number, options: NeuralTrainingOptions): tf.LayersModel {
  // Fixed names (not tfjs's global counters) keep the saved topology, and so the version id, reproducible.
  const model = tf.sequential({ name: 'okr_achievement' });
  options.hiddenUnits.forEach((units, i) =>
    model.add(
      tf.layers.dense({
        name: `hidden_${i}`,
        units,
        activation: 'relu',
        kernelRegularizer: tf.regularizers.l2({ l2: options.l2 }),
        ...(i === 0 ? { inputShape: [inputs] } : {}),
      }),
    ),
  );
  model.add(tf.layers.dense({ name: 'output', units: 1, activation: 'sigmoid' }));
  const random = new SeededRandom(options.seed);
  model.setWeights(
    model.getWeights().map((w) => {
      const [fanIn = 1, fanOut = 1] = w.shape;
      const limit = w.shape.length === 2 ? Math.sqrt(6 / (fanIn + fanOut)) : 0;
      const values = Float32Array.from({ length: w.size }, () => random.uniform(-limit, limit));
      return tf.tensor(values, w.shape);
    }),
  );
  model.compile({ optimizer: tf.train.adam(options.learningRate), loss: 'binaryCrossentropy' });
  return model;
}

export async function trainNetwork(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  options: NeuralTrainingOptions = DEFAULT_NEURAL_OPTIONS,
  onProgress: OnTrainingProgress = () => undefined,
): Promise<tf.LayersModel> {
  const model = buildNetwork(rows[0]?.length ?? 0, options);
  const random = new SeededRandom(options.seed + 1);
  const order = rows.map((_, i) => i);
  const batches = Math.ceil(order.length / options.batchSize);
  const total = options.epochs * batches;
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    random.shuffle(order);
    for (let start = 0; start < order.length; start += options.batchSize) {
      const batch = order.slice(start, start + options.batchSize);
      const xs = tf.tensor2d(batch.map((i) => Array.from(rows[i] as readonly number[])));
      const ys = tf.tensor2d(batch.map((i) => [labels[i] as number]));
      await model.trainOnBatch(xs, ys);
      xs.dispose();
      ys.dispose();
      onProgress({
        stage: 'network steps',
        done: epoch * batches + start / options.batchSize + 1,
        total,
        detail: `epoch ${epoch + 1}/${options.epochs}`,
      });
    }
  }
  return model;
}

// Logits (not probabilities) so one calibrator form serves every model.
export function networkLogits(model: tf.LayersModel, rows: readonly (readonly number[])[]): number[] {
  if (rows.length === 0) return [];
  return tf.tidy(() => {
    const input = tf.tensor2d(rows.map((r) => Array.from(r)));
    const probabilities = (model.predict(input) as tf.Tensor).dataSync();
    return Array.from(probabilities, (p) => {
      const q = Math.min(1 - 1e-7, Math.max(1e-7, p));
      return Math.log(q / (1 - q));
    });
  });
}
