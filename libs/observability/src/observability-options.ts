export interface ObservabilityOptions {
  // 'api' | 'inference' | 'notifier': reported by qbm_build_info and /health.
  service: string;
  version: string;
  logLevel: string;
  logPretty: boolean;
  // When set, logs also go to <logDir>/app.log and <logDir>/error.log, rotating at 10 MB x 5.
  logDir?: string;
  // When set, GET /metrics and GET /health/detailed require `Authorization: Bearer <token>`.
  metricsToken?: string;
  // When set, /metrics and /health/detailed are served on this port only (bound to metricsHost, default 0.0.0.0).
  metricsPort?: number;
  metricsHost?: string;
  slowQueryMs: number;
  // Distinct values kept per metric label before the rest fold into "other".
  labelValueCap?: number;
  // How long /health/detailed reuses its last result.
  healthCacheMs?: number;
  // false turns off per-request and per-query timing (default on); the benchmark uses it to measure their cost.
  instrument?: boolean;
}

export const OBSERVABILITY_OPTIONS = Symbol('qbm:observability-options');

export const DEFAULT_LABEL_VALUE_CAP = 200;
export const DEFAULT_HEALTH_CACHE_MS = 5_000;
