import { bearer } from '../../setup/test-app';
import { useTestApp } from '../../setup/use-test-app';

const LIMIT = 5;
const URL = '/api/v1/objectives';

// The limiter counts in fixed one-minute windows; a burst that straddles a boundary would start afresh.
async function awayFromWindowEdge(marginMs = 5_000): Promise<void> {
  const intoWindow = Date.now() % 60_000;
  if (intoWindow > 60_000 - marginMs) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoWindow + 50));
}

describe('rate limiting', () => {
  const t = useTestApp({ env: { RATE_LIMIT_PER_MINUTE: String(LIMIT) } });

  beforeEach(async () => {
    await awayFromWindowEdge();
  });

  it('lets a client make its quota of requests, then answers 429 with Retry-After', async () => {
    const alice = bearer(t.token('acme', 'viewer', 'alice'));
    for (let i = 1; i <= LIMIT; i += 1) {
      const response = await t.app.inject({ method: 'GET', url: URL, headers: alice });
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-ratelimit-limit']).toBe(String(LIMIT));
      expect(response.headers['x-ratelimit-remaining']).toBe(String(LIMIT - i));
    }

    const refused = await t.app.inject({ method: 'GET', url: URL, headers: alice });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ statusCode: 429, code: 'RATE_LIMIT.EXCEEDED' });
    expect(refused.headers['x-ratelimit-remaining']).toBe('0');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.json().details).toEqual({ retryAfterSeconds: retryAfter });

    // Writes count against the same quota.
    const write = await t.app.inject({
      method: 'POST',
      url: URL,
      headers: bearer(t.token('acme', 'editor', 'alice')),
      payload: { name: 'X', type: 'value', priority: 1 },
    });
    expect(write.statusCode).toBe(429);
  });

  it('counts each subject of each organisation separately', async () => {
    const alice = bearer(t.token('acme', 'viewer', 'alice'));
    for (let i = 0; i <= LIMIT; i += 1) await t.app.inject({ method: 'GET', url: URL, headers: alice });
    expect((await t.app.inject({ method: 'GET', url: URL, headers: alice })).statusCode).toBe(429);

    const bob = await t.app.inject({ method: 'GET', url: URL, headers: bearer(t.token('acme', 'viewer', 'bob')) });
    expect(bob.statusCode).toBe(200);
    expect(bob.headers['x-ratelimit-remaining']).toBe(String(LIMIT - 1));
    const aliceElsewhere = await t.app.inject({
      method: 'GET',
      url: URL,
      headers: bearer(t.token('globex', 'viewer', 'alice')),
    });
    expect(aliceElsewhere.statusCode).toBe(200);
  });

  it('limits callers without a valid token by address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i += 1) {
      const headers = i % 2 === 0 ? {} : bearer(`forged.token.${i}`);
      statuses.push(
        (await t.app.inject({ method: 'GET', url: URL, headers, remoteAddress: '203.0.113.7' })).statusCode,
      );
    }
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(401), 429]);
    const otherAddress = await t.app.inject({ method: 'GET', url: URL, remoteAddress: '203.0.113.8' });
    expect(otherAddress.statusCode).toBe(401);
    // Without TRUST_PROXY a forged X-Forwarded-For does not buy a fresh quota.
    const forged = await t.app.inject({
      method: 'GET',
      url: URL,
      remoteAddress: '203.0.113.7',
      headers: { 'x-forwarded-for': '198.51.100.1' },
    });
    expect(forged.statusCode).toBe(429);
  });

  describe('behind a trusted gateway', () => {
    const behindGateway = useTestApp({ env: { RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUST_PROXY: '10.0.0.5' } });

    it("keys anonymous callers on the address the gateway forwards, and only the gateway's", async () => {
      const viaGateway = (client: string) =>
        behindGateway.app.inject({
          method: 'GET',
          url: URL,
          remoteAddress: '10.0.0.5',
          headers: { 'x-forwarded-for': client },
        });
      for (let i = 0; i < LIMIT; i += 1) expect((await viaGateway('198.51.100.1')).statusCode).toBe(401);
      expect((await viaGateway('198.51.100.1')).statusCode).toBe(429);
      expect((await viaGateway('198.51.100.2')).statusCode).toBe(401);
      // A caller that is not the gateway cannot pick the address it is counted under.
      const direct = await behindGateway.app.inject({
        method: 'GET',
        url: URL,
        remoteAddress: '203.0.113.9',
        headers: { 'x-forwarded-for': '198.51.100.3' },
      });
      expect(direct.statusCode).toBe(401);
      expect(direct.headers['x-ratelimit-remaining']).toBe(String(LIMIT - 1));
    });
  });

  it('does not limit public routes', async () => {
    for (let i = 0; i <= LIMIT + 1; i += 1) {
      const health = await t.app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(200);
    }
  });
});
