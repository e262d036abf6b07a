import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import { RedisInstrumentation } from '../../src';
import { PrivateRedis, sampleValue } from '@qbm/testing';
import { createTestApp, scrape } from './support/test-app';

describe('Redis memory gauges', () => {
  let app: NestFastifyApplication;
  let server: PrivateRedis;
  let redis: Redis;
  let closing = false;

  beforeAll(async () => {
    server = await PrivateRedis.start();
    redis = new Redis({
      host: '127.0.0.1',
      port: server.port,
      retryStrategy: () => (closing ? null : 100),
      disconnectTimeout: 100,
    });
    await redis.config('SET', 'maxmemory', String(64 * 1024 * 1024));
    app = await createTestApp();
    app.get(RedisInstrumentation).attach(redis);
  });

  afterAll(async () => {
    await app.close();
    closing = true;
    redis.disconnect();
    await server.stop();
  });

  it('reads used and max memory from INFO at scrape time', async () => {
    const before = sampleValue(await scrape(app), 'redis_memory_used_bytes') ?? 0;
    expect(before).toBeGreaterThan(0);
    expect(sampleValue(await scrape(app), 'redis_memory_max_bytes')).toBe(64 * 1024 * 1024);

    await redis.set('obs:big', 'x'.repeat(2 * 1024 * 1024));
    expect(sampleValue(await scrape(app), 'redis_memory_used_bytes')).toBeGreaterThan(before + 1024 * 1024);
  });

  it('keeps the last values and answers fast while Redis is down', async () => {
    const last = sampleValue(await scrape(app), 'redis_memory_used_bytes');
    await server.kill();
    const started = Date.now();
    const text = await scrape(app);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(sampleValue(text, 'redis_memory_used_bytes')).toBe(last);
    await server.restart();
  });
});
