import Redis from 'ioredis';

// A client of the doctor's own: one attempt, no offline queue, no reconnecting, so a Redis that is
// down fails the first command at once instead of retrying in the background.
export async function openRedis(
  url: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<{ redis: Redis; close: () => void }> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    connectionName: 'qbm-doctor',
    enableReadyCheck: false,
    // ioredis waits this long for a half-closed socket before destroying it; the default 2 s would outlive the doctor.
    disconnectTimeout: 100,
  });
  // ioredis reports a refused connection as "Connection is closed."; the socket's own error says why.
  let lastError: Error | undefined;
  redis.on('error', (error: Error) => (lastError = error));
  // A client whose only attempt failed has already ended; disconnecting it again would arm a timer for nothing.
  const close = (): void => {
    if (redis.status !== 'end') redis.disconnect();
  };
  signal.addEventListener('abort', close, { once: true });
  try {
    await redis.connect();
  } catch (error) {
    close();
    throw lastError ?? error;
  }
  return {
    redis,
    close: () => {
      signal.removeEventListener('abort', close);
      close();
    },
  };
}
