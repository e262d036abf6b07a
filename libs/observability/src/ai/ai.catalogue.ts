import type { MetricDefinition } from '../metrics/metric-definition';

// An edge on the 2 s prediction-latency objective.
const PREDICTION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30] as const;

export const AI_METRICS = [
  {
    name: 'ai_predictions_total',
    type: 'counter',
    help: 'Total AI predictions',
    labels: ['model', 'status'],
    capability: 'ai',
  },
  {
    name: 'ai_prediction_duration_seconds',
    type: 'histogram',
    help: 'AI prediction duration',
    labels: ['model'],
    buckets: PREDICTION_BUCKETS,
    capability: 'ai',
  },
  { name: 'ai_model_accuracy', type: 'gauge', help: 'AI model accuracy', labels: ['model'], capability: 'ai' },
] as const satisfies readonly MetricDefinition[];
