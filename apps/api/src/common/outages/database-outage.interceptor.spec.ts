import { CallHandler, ExecutionContext } from '@nestjs/common';
import { DomainError } from '@qbm/http';
import { DependencyOutages } from '@qbm/observability';
import { AsyncResource } from 'node:async_hooks';
import { defer, firstValueFrom, Observable, of, throwError } from 'rxjs';
import { cacheReadContext } from '../cache/cache-read.context';
import { DatabaseOutageInterceptor } from './database-outage.interceptor';

class OutagesStub {
  down = false;
  readonly failures: string[] = [];
  failed(dependency: string, reason: string): void {
    this.failures.push(`${dependency}:${reason}`);
    this.down = true;
  }
  isDown(): boolean {
    return this.down;
  }
}

function setUp(down = false) {
  const outages = new OutagesStub();
  outages.down = down;
  const headers: Record<string, string> = {};
  const reply = { headers: (values: Record<string, string>) => Object.assign(headers, values) };
  const context = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => reply }),
  } as unknown as ExecutionContext;
  const interceptor = new DatabaseOutageInterceptor(outages as unknown as DependencyOutages);
  // As Nest's interceptor consumer does: the handler runs bound to the context handle() was called in.
  const run = (handler: () => Observable<unknown>) =>
    firstValueFrom(
      interceptor.intercept(context, { handle: () => defer(AsyncResource.bind(handler)) } satisfies CallHandler),
    );
  return { outages, headers, run };
}

function markRead(fromCache: boolean): void {
  const read = cacheReadContext.getStore();
  if (!read) throw new Error('the handler ran outside the cache-read context');
  if (fromCache) read.fromCache = true;
  else read.fromDatabase = true;
}

describe('DatabaseOutageInterceptor', () => {
  it('turns a database outage into a coded 503 with Retry-After and reports it', async () => {
    const { outages, run } = setUp();
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const error = await run(() => throwError(() => refused)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'DATABASE.UNAVAILABLE', kind: 'unavailable' });
    expect((error as DomainError).details).toMatchObject({ retryAfterSeconds: 5 });
    expect(outages.failures).toEqual(['database:unreachable']);
  });

  it('lets every other error through untouched', async () => {
    const { outages, run } = setUp();
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    await expect(run(() => throwError(() => bug))).rejects.toBe(bug);
    expect(outages.failures).toEqual([]);
  });

  it('labels an answer from the cache as stale only while the database is down', async () => {
    // A controller method does its work when called, not when its result is subscribed to.
    const cachedRead = () => (markRead(true), of('cached'));
    const down = setUp(true);
    await down.run(cachedRead);
    expect(down.headers).toEqual({ warning: '110 - "Response is Stale"', 'x-cache': 'stale' });

    const up = setUp(false);
    await up.run(cachedRead);
    expect(up.headers).toEqual({});

    const loaded = setUp(true);
    await loaded.run(() => (markRead(false), of('fresh')));
    expect(loaded.headers).toEqual({});
    await loaded.run(() => of('no cache involved'));
    expect(loaded.headers).toEqual({});
  });
});
