import type { MetricsCapability } from '../metrics/metrics-capability';
import { AiMetrics } from './ai.metrics';

// Predictions, their latency and model accuracy, per model; seed each served model with AiMetrics.seedModel.
export function aiMetrics(): MetricsCapability {
  return { capability: 'ai', providers: [AiMetrics], exports: [AiMetrics] };
}
