import Redis from 'ioredis';
import { PrivateRedis } from '@qbm/testing';
import { runDoctor } from '../../../src/doctor/run-doctor';
import { doctorSettings, sectionOf, tableOf } from '../support/doctor-test-settings';
import { closedPort, SilentServer } from '../support/network-stand-ins';

// A redis-server of the spec's own: its counters and slow log start at zero and it can be configured freely.
describe('qbm doctor: Redis', () => {
  let server: PrivateRedis;
  let redis: Redis;

  beforeAll(async () => {
    server = await PrivateRedis.start();
    redis = new Redis(server.url);
  });
  afterAll(async () => {
    redis.disconnect();
    await server.stop();
  });

  it('reads version, clients, hit ratio, memory against maxmemory, keyspace and the slow log from INFO and SLOWLOG', async () => {
    await redis.config('SET', 'slowlog-log-slower-than', '0'); // log every command
    await redis.config('SET', 'maxmemory', String(64 * 1024 * 1024));
    await redis.set('objectives:acme:1', 'cached', 'EX', 3600);
    await redis.get('objectives:acme:1'); // a hit
    await redis.get('objectives:acme:2'); // a miss
    await redis.get('objectives:acme:3'); // a miss

    const section = sectionOf(await runDoctor(doctorSettings({ redisUrl: server.url })), 'redis');
    const info = await redis.info('server');

    expect(section.figures.redis_version).toBe(/redis_version:(\S+)/.exec(info)?.[1]);
    expect(section.figures.keyspace_hits).toBe(1);
    expect(section.figures.keyspace_misses).toBe(2);
    expect(section.figures.hit_percent).toBe(33.3);
    expect(section.figures.connected_clients).toBeGreaterThanOrEqual(2); // this spec's client and the doctor's
    expect(section.figures.maxmemory_bytes).toBe(64 * 1024 * 1024);
    expect(section.figures.maxmemory_used_percent).toBeGreaterThan(0);
    expect(section.figures.uptime_seconds).toEqual(expect.any(Number));
    expect(section.notes).toEqual([]);
    // Three lookups say nothing about a cache yet.
    expect(section.status).toBe('ok');
    expect(section.reason).toContain('too few lookups to judge');

    expect(tableOf(section, 'keyspace')).toEqual([{ db: 0, keys: 1, expires: 1, avg_ttl_ms: expect.any(Number) }]);
    const slowlog = tableOf(section, 'slowlog');
    expect(slowlog.length).toBeLessThanOrEqual(10); // SLOWLOG GET 10
    expect(slowlog.map((row) => row.command)).toContain('get objectives:acme:3');
    expect(slowlog[0]).toEqual({
      id: expect.any(Number),
      at: expect.any(String),
      duration_us: expect.any(Number),
      client: expect.any(String),
      command: expect.any(String),
    });
  });

  it('warns when the hit ratio is not above the 90 % target', async () => {
    await redis.config('RESETSTAT');
    const pipeline = redis.pipeline();
    for (let i = 0; i < 150; i += 1) pipeline.get(`missing:${i}`);
    for (let i = 0; i < 50; i += 1) pipeline.get('objectives:acme:1');
    await pipeline.exec();

    const section = sectionOf(await runDoctor(doctorSettings({ redisUrl: server.url })), 'redis');
    expect(section.figures.hit_percent).toBe(25);
    expect(section.status).toBe('warn');
    expect(section.reason).toContain('hit ratio 25 % is not above the 90 % target');
  });

  it('notes a Redis without maxmemory', async () => {
    await redis.config('SET', 'maxmemory', '0');
    const section = sectionOf(await runDoctor(doctorSettings({ redisUrl: server.url })), 'redis');
    expect(section.figures.maxmemory_bytes).toBeNull();
    expect(section.notes.join('\n')).toContain('maxmemory is not set');
  });

  it('fails an unreachable Redis without throwing', async () => {
    const report = await runDoctor(
      doctorSettings({ redisUrl: `redis://127.0.0.1:${await closedPort()}/0`, queues: ['predictions'] }),
    );
    expect(sectionOf(report, 'redis')).toMatchObject({
      status: 'fail',
      reason: expect.stringMatching(/^unreachable: .*ECONNREFUSED/),
    });
    expect(sectionOf(report, 'queues')).toMatchObject({
      status: 'fail',
      reason: expect.stringMatching(/^unreachable: /),
    });
    expect(report.status).toBe('fail');
  });

  it('gives up on a Redis that accepts connections but never answers, at the deadline', async () => {
    const silent = await SilentServer.start();
    try {
      const started = Date.now();
      const report = await runDoctor(
        doctorSettings({ redisUrl: `redis://127.0.0.1:${silent.port}/0`, timeoutMs: 400 }),
      );
      expect(sectionOf(report, 'redis')).toMatchObject({
        status: 'fail',
        reason: expect.stringMatching(/^unreachable: /),
      });
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await silent.stop();
    }
  });
});
