import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import type { Destination } from '../config/routing/routing-config';

// Per destination, in Redis so every replica shares it: `next` is the earliest free send slot,
// `blocked` the end of a 429's Retry-After, `last` the latest send granted. Each message takes the
// next slot; one within the horizon waits in the worker, a later one keeps its slot (by
// notification id) and the job is delayed until then, so a storm costs one deferral per message
// instead of a herd every second. A delayed job can come back late, next to one on time, so every
// grant is also kept an interval after the previous grant: sends never bunch.
// Returns {sendNow, waitMs}.
const ACQUIRE = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local interval = tonumber(ARGV[1])
local horizon = tonumber(ARGV[2])
local blocked = tonumber(redis.call('GET', KEYS[2]) or '0')
local last = tonumber(redis.call('GET', KEYS[4]) or '0')
local reserved = tonumber(redis.call('GET', KEYS[3]) or '-1')
local slot
if reserved >= 0 and reserved >= blocked then
  if reserved - now > horizon then return {0, reserved - now} end
  redis.call('DEL', KEYS[3])
  slot = math.max(now, reserved)
else
  slot = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'), blocked)
  if slot - now > horizon then
    redis.call('SET', KEYS[1], slot + interval, 'PX', slot + interval - now + 60000)
    redis.call('SET', KEYS[3], slot, 'PX', slot - now + 3600000)
    return {0, slot - now}
  end
end
local grant = math.max(slot, last + interval)
redis.call('SET', KEYS[4], grant, 'PX', grant - now + 60000)
local nextSlot = tonumber(redis.call('GET', KEYS[1]) or '0')
if nextSlot < grant + interval then redis.call('SET', KEYS[1], grant + interval, 'PX', grant + interval - now + 60000) end
return {1, grant - now}
`;

// A 429: nothing goes to the destination before `until`, and reservations made before are void.
const BLOCK = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
redis.call('SET', KEYS[2], untilMs, 'PX', tonumber(ARGV[1]) + 60000)
local nextSlot = tonumber(redis.call('GET', KEYS[1]) or '0')
if nextSlot < untilMs then redis.call('SET', KEYS[1], untilMs, 'PX', tonumber(ARGV[1]) + 60000) end
return untilMs
`;

export interface SendSlot {
  // true: send after waiting waitMs here; false: delay the job by waitMs (its slot is kept).
  sendNow: boolean;
  waitMs: number;
}

const HORIZON_MS = 2_000;

@Injectable()
export class SendPacer {
  constructor(private readonly redis: Redis) {}

  async acquire(destination: Destination, notificationId: string): Promise<SendSlot> {
    if (destination.minIntervalMs === 0) return { sendNow: true, waitMs: 0 };
    const keys = this.keys(destination);
    const [sendNow, waitMs] = (await this.redis.eval(
      ACQUIRE,
      4,
      keys.next,
      keys.blocked,
      `qbm:notifier:pace:reserved:${notificationId}`,
      keys.last,
      destination.minIntervalMs,
      HORIZON_MS,
    )) as [number, number];
    return { sendNow: sendNow === 1, waitMs };
  }

  async block(destination: Destination, retryAfterMs: number): Promise<void> {
    const keys = this.keys(destination);
    await this.redis.eval(BLOCK, 2, keys.next, keys.blocked, Math.max(1, Math.ceil(retryAfterMs)));
  }

  private keys(destination: Destination): { next: string; blocked: string; last: string } {
    const prefix = `qbm:notifier:pace:${destination.channel}:${destination.id}`;
    return { next: `${prefix}:next`, blocked: `${prefix}:blocked`, last: `${prefix}:last` };
  }
}
