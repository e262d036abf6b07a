import { atOrAbove, belowHitTarget, hitPercent, percentOf, THRESHOLDS } from './doctor-thresholds';

describe('doctor thresholds', () => {
  it('holds the operating targets: 80 % connections, 100 ms queries, 90 % hits, 80/80/90 % host', () => {
    expect(THRESHOLDS).toMatchObject({
      postgresConnectionsPercent: 80,
      slowStatementMs: 100,
      redisHitPercent: 90,
      redisMemoryPercent: 80,
      cpuPercent: 80,
      memoryPercent: 80,
      diskPercent: 90,
    });
  });

  it('computes a percentage to one decimal, and none without a whole', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(80, 100)).toBe(80);
    expect(percentOf(5, 0)).toBeNull();
    expect(percentOf(Number.NaN, 10)).toBeNull();
  });

  it('warns at the threshold itself, never on a missing value', () => {
    expect(atOrAbove(79.9, 80)).toBe(false);
    expect(atOrAbove(80, 80)).toBe(true);
    expect(atOrAbove(null, 80)).toBe(false);
  });

  it('computes the hit ratio from hits and misses', () => {
    expect(hitPercent(900, 100)).toBe(90);
    expect(hitPercent(0, 0)).toBeNull();
  });

  it('misses the hit target at 90 % or below, once there are enough lookups', () => {
    expect(belowHitTarget(901, 99)).toBe(false);
    expect(belowHitTarget(900, 100)).toBe(true);
    expect(belowHitTarget(10, 80)).toBe(false); // 90 lookups: too few to judge
    expect(belowHitTarget(10, 90)).toBe(true);
  });
});
