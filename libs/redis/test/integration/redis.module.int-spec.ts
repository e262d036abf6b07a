import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import Redis from 'ioredis';
import { testRedisUrl } from '@qbm/testing';
import { RedisModule } from '../../src/redis.module';

@Injectable()
class CacheUser {
  constructor(readonly redis: Redis) {}
}

async function boot(url: string) {
  const moduleRef = await Test.createTestingModule({
    imports: [RedisModule.forRoot({ url })],
    providers: [CacheUser],
  }).compile();
  const app = await moduleRef.init();
  return { app, redis: app.get(CacheUser).redis };
}

function ready(redis: Redis): Promise<void> {
  return redis.status === 'ready' ? Promise.resolve() : new Promise((resolve) => redis.once('ready', resolve));
}

// Shutting the app down must end the client; one left open is closed here so the run can still exit.
async function expectClosedWith(app: { close(): Promise<void> }, redis: Redis): Promise<void> {
  const ended = new Promise<boolean>((resolve) => {
    redis.once('end', () => resolve(true));
    setTimeout(() => resolve(false), 2000).unref();
  });
  await app.close();
  const didEnd = await ended;
  if (!didEnd) redis.disconnect();
  expect(didEnd).toBe(true);
}

describe('RedisModule', () => {
  it('injects one shared client, connected to the configured database, and quits it on shutdown', async () => {
    const { app, redis } = await boot(testRedisUrl());
    expect(app.get(Redis)).toBe(redis);
    await ready(redis);
    const key = `qbm:test:redis-module:${process.pid}`;
    await redis.set(key, 'ok', 'PX', 5000);
    expect(await redis.get(key)).toBe('ok');
    await redis.del(key);
    await expectClosedWith(app, redis);
  });

  it('fails a command at once while Redis is unreachable instead of queueing it', async () => {
    const { app, redis } = await boot('redis://127.0.0.1:1');
    const started = Date.now();
    await expect(redis.get('anything')).rejects.toThrow(/enableOfflineQueue/);
    expect(Date.now() - started).toBeLessThan(250);
    await expectClosedWith(app, redis);
  });
});
