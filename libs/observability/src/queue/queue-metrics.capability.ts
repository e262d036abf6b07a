import type { MetricsCapability } from '../metrics/metrics-capability';
import { QueueInstrumentation } from './queue-instrumentation.service';
import { QueueMetrics } from './queue.metrics';

// Queue depths, job results and durations, worker activity and restarts, through QueueInstrumentation.
export function queueMetrics(): MetricsCapability {
  return {
    capability: 'queue',
    providers: [QueueMetrics, QueueInstrumentation],
    exports: [QueueMetrics, QueueInstrumentation],
  };
}
