import { DoctorSection } from './doctor-report';
import { atOrAbove, belowHitTarget, hitPercent, percentOf, THRESHOLDS } from './doctor-thresholds';
import { openRedis } from './redis-connection';
import { keyspaceRows, numberField, parseRedisInfo, slowlogRows } from './redis-info.parser';
import { SectionVerdict } from './section-verdict';

export interface RedisProbeOptions {
  url: string;
  timeoutMs: number;
}

// The runbook's `redis-cli info stats` and `redis-cli slowlog get 10`, judged against the cache targets
// (hit ratio above 90 %, memory under 80 % of maxmemory).
export async function probeRedis(options: RedisProbeOptions, signal: AbortSignal): Promise<DoctorSection> {
  const { redis, close } = await openRedis(options.url, options.timeoutMs, signal);
  try {
    const info = parseRedisInfo(await redis.info());
    const slowlog = slowlogRows(await redis.slowlog('GET', 10));
    const hits = numberField(info, 'keyspace_hits');
    const misses = numberField(info, 'keyspace_misses');
    const hit = hitPercent(hits, misses);
    const usedMemory = numberField(info, 'used_memory');
    const maxMemory = numberField(info, 'maxmemory');
    const memoryPercent = percentOf(usedMemory, maxMemory);
    const version = info.get('redis_version') ?? 'unknown';

    const verdict = new SectionVerdict()
      .warnIf(
        belowHitTarget(hits, misses),
        `hit ratio ${hit} % is not above the ${THRESHOLDS.redisHitPercent} % target`,
      )
      .warnIf(
        atOrAbove(memoryPercent, THRESHOLDS.redisMemoryPercent),
        `memory at ${memoryPercent} % of maxmemory (warn at ${THRESHOLDS.redisMemoryPercent} %)`,
      );
    const okReason = `Redis ${version}; hit ratio ${hit ?? 'n/a'} %${hits + misses < THRESHOLDS.redisHitMinLookups ? ' (too few lookups to judge)' : ''}; memory ${memoryPercent === null ? 'without maxmemory' : `${memoryPercent} % of maxmemory`}`;

    return verdict.section('redis', okReason, {
      figures: {
        redis_version: version,
        mode: info.get('redis_mode') ?? null,
        uptime_seconds: numberField(info, 'uptime_in_seconds'),
        connected_clients: numberField(info, 'connected_clients'),
        blocked_clients: numberField(info, 'blocked_clients'),
        rejected_connections: numberField(info, 'rejected_connections'),
        ops_per_sec: numberField(info, 'instantaneous_ops_per_sec'),
        total_commands_processed: numberField(info, 'total_commands_processed'),
        keyspace_hits: hits,
        keyspace_misses: misses,
        hit_percent: hit,
        used_memory_bytes: usedMemory,
        used_memory_peak_bytes: numberField(info, 'used_memory_peak'),
        maxmemory_bytes: maxMemory === 0 ? null : maxMemory,
        maxmemory_used_percent: memoryPercent,
        maxmemory_policy: info.get('maxmemory_policy') ?? null,
        evicted_keys: numberField(info, 'evicted_keys'),
        expired_keys: numberField(info, 'expired_keys'),
      },
      tables: { keyspace: keyspaceRows(info), slowlog },
      notes:
        maxMemory === 0
          ? ['maxmemory is not set: Redis can grow until the host runs out of memory, and nothing is evicted']
          : [],
    });
  } finally {
    close();
  }
}
