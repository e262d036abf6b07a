import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestApp } from './support/test-app';

type LogLine = Record<string, unknown> & { msg?: string; level?: string };

describe('request logging', () => {
  let app: NestFastifyApplication;
  let logDir: string;

  beforeAll(async () => {
    logDir = mkdtempSync(join(tmpdir(), 'qbm-logs-'));
    app = await createTestApp({ options: { logLevel: 'info', logDir } });
  });

  afterAll(async () => {
    await app.close();
    rmSync(logDir, { recursive: true, force: true });
  });

  const readLog = (file: string): LogLine[] =>
    readFileSync(join(logDir, file), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LogLine);

  it('generates a request id, echoes it and exposes it to the handler', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/okrs/request-id' });
    const id = response.headers['x-request-id'];
    expect(id).toMatch(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[\da-f]{4}-[\da-f]{12}$/);
    expect(response.json()).toEqual({ requestId: id });
  });

  it('honours a sane incoming x-request-id and replaces an unsafe one', async () => {
    const kept = await app.inject({
      method: 'GET',
      url: '/api/v1/okrs/request-id',
      headers: { 'x-request-id': 'upstream-42' },
    });
    expect(kept.headers['x-request-id']).toBe('upstream-42');
    expect(kept.json()).toEqual({ requestId: 'upstream-42' });

    const forged = await app.inject({
      method: 'GET',
      url: '/api/v1/okrs/request-id',
      headers: { 'x-request-id': 'a"}\n{"level":"fatal' },
    });
    expect(forged.headers['x-request-id']).not.toContain('fatal');
  });

  it('writes JSON request logs with the request id to app.log, redacting credentials', async () => {
    await app.inject({
      method: 'GET',
      url: '/api/v1/okrs/7',
      headers: { 'x-request-id': 'trace-me-1', authorization: 'Bearer top-secret-jwt', cookie: 'session=abc123' },
    });
    const line = readLog('app.log').find((entry) => entry.request_id === 'trace-me-1');
    expect(line).toMatchObject({ level: 'info', name: 'api', service: 'api', msg: 'request completed' });
    expect(new Date(String(line?.time)).toISOString()).toBe(line?.time);
    const text = readFileSync(join(logDir, 'app.log'), 'utf8');
    expect(text).not.toContain('top-secret-jwt');
    expect(text).not.toContain('abc123');
  });

  it('says what was asked and answered, with the trace and the time taken', async () => {
    await app.inject({
      method: 'GET',
      url: '/api/v1/okrs/8?token=leaked-query-token&page=2',
      headers: {
        'x-request-id': 'trace-me-2',
        'user-agent': 'qbm-spec/1',
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      },
    });
    const lines = readLog('app.log').filter((entry) => entry.request_id === 'trace-me-2');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'request completed',
      trace_id: '0af7651916cd43dd8448eb211c80319c',
      span_id: 'b7ad6b7169203331',
      req: {
        id: 'trace-me-2',
        method: 'GET',
        url: '/api/v1/okrs/8?token=[Redacted]&page=2',
        query: { token: '[Redacted]', page: '2' },
      },
      res: { statusCode: 200, headers: { 'content-type': expect.stringContaining('application/json') as unknown } },
    });
    // Who asked and what was sent, not every header.
    expect((lines[0]?.req as { headers: unknown }).headers).toEqual({ 'user-agent': 'qbm-spec/1' });
    expect(typeof lines[0]?.responseTime).toBe('number');
    expect(readFileSync(join(logDir, 'app.log'), 'utf8')).not.toContain('leaked-query-token');
  });

  it('writes errors to error.log as well, and nothing below error', async () => {
    await app.inject({ method: 'GET', url: '/api/v1/okrs/boom', headers: { 'x-request-id': 'boom-1' } });
    const errors = readLog('error.log');
    const boom = errors.filter((entry) => entry.request_id === 'boom-1');
    // The cause, logged while handling the request, and the request's own line.
    expect(boom.map((entry) => entry.msg)).toEqual([expect.stringContaining('kaboom'), 'request errored']);
    expect(boom[1]).toMatchObject({ level: 'error', res: { statusCode: 500 } });
    expect(errors.every((entry) => entry.level === 'error' || entry.level === 'fatal')).toBe(true);
  });

  it('does not log probes and scrapes', async () => {
    await app.inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': 'probe-1' } });
    await app.inject({ method: 'GET', url: '/metrics', headers: { 'x-request-id': 'probe-2' } });
    const ids = readLog('app.log').map((entry) => entry.request_id);
    expect(ids).not.toContain('probe-1');
    expect(ids).not.toContain('probe-2');
  });
});
