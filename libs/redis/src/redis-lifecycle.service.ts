import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';

// Closes the shared client after everything else has shut down (a clean QUIT, else a hard disconnect).
@Injectable()
export class RedisLifecycle implements OnApplicationShutdown {
  constructor(private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
