import { EventEmitter } from 'node:events';
import Redis from 'ioredis';
import { FAIL_FAST_OPTIONS, reportOutages } from './redis-client.factory';

describe('reportOutages', () => {
  function watched() {
    const client = new EventEmitter();
    const logger = { warn: jest.fn(), log: jest.fn() };
    reportOutages(client as unknown as Redis, logger);
    return { client, logger };
  }

  it('warns once per outage and logs once when Redis is back', () => {
    const { client, logger } = watched();
    client.emit('ready');
    expect(logger.log).not.toHaveBeenCalled();
    client.emit('error', new Error('connect ECONNREFUSED'));
    client.emit('error', new Error('connect ECONNREFUSED'));
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith('Redis unavailable: connect ECONNREFUSED');
    client.emit('ready');
    expect(logger.log).toHaveBeenCalledTimes(1);
    expect(logger.log).toHaveBeenCalledWith('Redis connection restored');
    client.emit('error', new Error('again'));
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });
});

describe('FAIL_FAST_OPTIONS', () => {
  it('backs off reconnects exponentially up to two seconds', () => {
    const retry = FAIL_FAST_OPTIONS.retryStrategy;
    expect([1, 2, 3, 4, 10].map((attempt) => retry?.(attempt))).toEqual([200, 400, 800, 1600, 2000]);
  });
});
