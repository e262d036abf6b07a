import Redis from 'ioredis';
import type { SlackDestination } from '../../src/config/routing/routing-config';
import { SendPacer } from '../../src/delivery/send-pacer';
import { resetState } from '../setup/test-notifier';
import { testRedisUrl, waitFor } from '@qbm/testing';

// The per-destination pacing script against a real Redis: slots spaced by the interval, far ones
// reserved for later, late comers kept an interval apart, and a 429 pausing the destination.
describe('SendPacer', () => {
  let redis: Redis;
  let pacer: SendPacer;
  const destination = (id: string, minIntervalMs: number): SlackDestination => ({
    id,
    channel: 'slack',
    webhookUrl: 'https://hooks.example.test/x',
    minIntervalMs,
  });

  beforeAll(async () => {
    await resetState();
    redis = new Redis(testRedisUrl());
    pacer = new SendPacer(redis);
  });
  afterAll(() => redis.disconnect());

  it('hands out slots an interval apart, and reserves those beyond the horizon', async () => {
    const hook = destination('spaced', 500);
    const slots = [];
    for (let i = 0; i < 8; i++) slots.push(await pacer.acquire(hook, `n${i}`));
    const now = slots.filter((slot) => slot.sendNow);
    expect(now).toHaveLength(5); // 0, 500, ... 2000 ms: within the 2 s horizon
    now.forEach((slot, i) => expect(slot.waitMs).toBeGreaterThanOrEqual(i * 500 - 50));
    const later = slots.filter((slot) => !slot.sendNow).map((slot) => slot.waitMs);
    expect(later).toHaveLength(3);
    expect(later[1]! - later[0]!).toBeGreaterThanOrEqual(490);
    // Asking again before its time keeps the same reservation.
    const again = await pacer.acquire(hook, 'n7');
    expect(again.sendNow).toBe(false);
    expect(Math.abs(again.waitMs - later[2]!)).toBeLessThan(100);
  });

  it('keeps late comers an interval apart instead of sending them together', async () => {
    const hook = destination('late', 40);
    // Fill the horizon so the next two are reserved, then come back after both slots have passed.
    const reserved: string[] = [];
    for (let i = 0; reserved.length < 2; i++) {
      if (!(await pacer.acquire(hook, `l${i}`)).sendNow) reserved.push(`l${i}`);
    }
    const until = Date.now() + 2_200;
    await waitFor(() => Date.now() > until, { what: 'both reserved slots to pass', timeoutMs: 5_000 });
    const grant = async (id: string): Promise<number> => {
      const asked = Date.now();
      const slot = await pacer.acquire(hook, id);
      expect(slot.sendNow).toBe(true);
      return asked + slot.waitMs;
    };
    const first = await grant(reserved[0]!);
    const second = await grant(reserved[1]!);
    // Both slots are past: without the spacing both would be sent at once.
    expect(second - first).toBeGreaterThanOrEqual(35);
  });

  it("pauses a destination for a 429's Retry-After", async () => {
    const hook = destination('limited', 10);
    await pacer.block(hook, 5_000);
    const slot = await pacer.acquire(hook, 'r1');
    expect(slot.sendNow).toBe(false);
    expect(slot.waitMs).toBeGreaterThan(4_800);
    expect(await pacer.acquire(destination('unlimited', 0), 'r2')).toEqual({ sendNow: true, waitMs: 0 });
  });
});
