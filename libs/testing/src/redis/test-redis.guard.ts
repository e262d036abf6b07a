import type { Redis } from 'ioredis';
import { TestTargetRefusedError } from '../test-target-refused.error';
import { isPrivateRedisProcess } from './private-redis';
import { testRedisDb } from './test-redis';

// This run's index, read once: a test that changes QBM_TEST_REDIS_DB later cannot widen the guard.
let runIndex: number | undefined;

// Asks the server who it is and which database the connection is on. Allowed: any database of a
// redis-server this process started, or the run's own test index on a shared server (never 0).
export async function assertTestRedis(redis: Redis): Promise<void> {
  const server = fields(await redis.info('server'));
  if (isPrivateRedisProcess(Number(server.get('process_id')))) return;
  runIndex ??= testRedisDb();
  const db = await connectionDb(redis);
  if (db === 0 || db !== runIndex)
    throw new TestTargetRefusedError(
      `Refusing Redis database ${db} on port ${server.get('tcp_port') ?? '?'}: this run's test database is ${runIndex}`,
    );
}

// FLUSHDB only behind the guard.
export async function flushTestRedis(redis: Redis): Promise<void> {
  await assertTestRedis(redis);
  await redis.flushdb();
}

async function connectionDb(redis: Redis): Promise<number> {
  // CLIENT INFO (Redis 6.2+) reports the database this very connection has selected.
  const info = String(await redis.call('CLIENT', 'INFO'));
  const db = /(?:^| )db=(\d+)/.exec(info)?.[1];
  if (db === undefined) throw new TestTargetRefusedError('Refusing a Redis connection whose database is unknown');
  return Number(db);
}

function fields(info: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of info.split('\r\n')) {
    const at = line.indexOf(':');
    if (at > 0) map.set(line.slice(0, at), line.slice(at + 1));
  }
  return map;
}
