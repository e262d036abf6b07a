export const MODEL_NAMES = ['okr-achievement', 'metric-forecast', 'metric-anomaly'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

// What a version is, how it was made and how well it did on data it never saw; stored beside the
// artifact as card.json and shown by the registry.
export interface ModelCard {
  model: ModelName;
  version: string;
  createdAt: string;
  seed: number;
  // The TensorFlow.js backend it was trained on, or null for models that use none.
  backend: string | null;
  trainingSeconds: number;
  method: string;
  // Why this method was served rather than the others compared.
  selection: string;
  data: { source: string; description: string; sizes: Record<string, number> };
  features: string[];
  // Held-out figures of the served model and of each baseline, computed on the same data.
  metrics: Record<string, unknown>;
}
