import { CPU_WARNING_PERCENT, DISK_WARNING_PERCENT, MEMORY_WARNING_PERCENT } from '@qbm/observability';

// The operating targets the alert rules also use: what counts as a warning in each section.
export const THRESHOLDS = {
  // Active connections < 80 % of max_connections.
  postgresConnectionsPercent: 80,
  // Mean query time < 100 ms; the API's SLOW_QUERY_MS overrides it, so both agree on "slow".
  slowStatementMs: 100,
  // Redis hit ratio > 90 %; fewer lookups than this since start say nothing either way.
  redisHitPercent: 90,
  redisHitMinLookups: 100,
  // Redis memory < 80 % of maxmemory.
  redisMemoryPercent: 80,
  cpuPercent: CPU_WARNING_PERCENT,
  memoryPercent: MEMORY_WARNING_PERCENT,
  diskPercent: DISK_WARNING_PERCENT,
} as const;

// One decimal; null when there is no whole to divide by.
export function percentOf(part: number, whole: number): number | null {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

export function atOrAbove(value: number | null, limit: number): boolean {
  return value !== null && value >= limit;
}

export function hitPercent(hits: number, misses: number): number | null {
  return percentOf(hits, hits + misses);
}

// Missing the "hit ratio above 90 %" cache target, judged only once there are enough lookups to mean something.
export function belowHitTarget(hits: number, misses: number): boolean {
  const percent = hitPercent(hits, misses);
  return hits + misses >= THRESHOLDS.redisHitMinLookups && percent !== null && percent <= THRESHOLDS.redisHitPercent;
}
