// Read-cache TTLs, longest for what changes least: objectives 1 h, metrics and OKRs 30 min, predictions 5 min.
export const CACHE_TTL_SECONDS = {
  objectives: 3600,
  metrics: 1800,
  okrs: 1800,
  predictions: 300,
} as const;

export type CacheType = keyof typeof CACHE_TTL_SECONDS;
