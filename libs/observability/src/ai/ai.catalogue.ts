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
  // The ledger's siblings of ai_model_accuracy: computed from scored predictions, never set by hand.
  { name: 'ai_model_precision', type: 'gauge', help: 'AI model precision', labels: ['model'], capability: 'ai' },
  { name: 'ai_model_recall', type: 'gauge', help: 'AI model recall', labels: ['model'], capability: 'ai' },
  { name: 'ai_model_f1', type: 'gauge', help: 'AI model F1 score', labels: ['model'], capability: 'ai' },
  { name: 'ai_model_brier', type: 'gauge', help: 'AI model Brier score', labels: ['model'], capability: 'ai' },
  {
    name: 'ai_model_mape',
    type: 'gauge',
    help: 'AI forecast model mean absolute percentage error, from forecasts scored against actual values',
    labels: ['model'],
    capability: 'ai',
  },
  {
    name: 'ai_model_scored_predictions',
    type: 'gauge',
    help: 'Scored predictions behind the AI model quality gauges',
    labels: ['model'],
    capability: 'ai',
  },
  {
    name: 'ai_prediction_batch_size',
    type: 'histogram',
    help: 'Items per AI prediction job',
    labels: ['model'],
    buckets: [1, 2, 5, 10, 50, 100, 500, 1000, 5000, 10000],
    capability: 'ai',
  },
  {
    name: 'ai_model_info',
    type: 'gauge',
    help: 'The model version served and its TensorFlow.js backend (1 for the live one)',
    labels: ['model', 'version', 'backend'],
    capability: 'ai',
  },
  {
    name: 'ai_model_memory_bytes',
    type: 'gauge',
    help: 'Size of the loaded AI model artifacts',
    labels: ['model'],
    capability: 'ai',
  },
  {
    name: 'ai_prediction_cache_total',
    type: 'counter',
    help: 'AI prediction cache lookups',
    labels: ['model', 'result'],
    capability: 'ai',
  },
] as const satisfies readonly MetricDefinition[];
