import { Redis } from 'ioredis';
import { PrivateRedis } from '../../src';

describe('PrivateRedis', () => {
  it('can be killed like a crash and restarted on the same port, keeping only what a snapshot saved', async () => {
    const server = await PrivateRedis.start();
    // disconnectTimeout: ioredis otherwise keeps a 2 s timer for the socket the kill dropped.
    const client = new Redis(server.url, { lazyConnect: true, retryStrategy: () => null, disconnectTimeout: 100 });
    try {
      await client.connect();
      await client.set('saved', '1');
      await server.snapshot();
      await client.set('lost', '1');
      await server.kill();
      expect(server.running).toBe(false);
      await expect(client.get('saved')).rejects.toThrow();

      await server.restart();
      const again = new Redis(server.url);
      expect(await again.mget('saved', 'lost')).toEqual(['1', null]);
      await again.quit();
    } finally {
      client.disconnect();
      await server.stop();
    }
  });
});
