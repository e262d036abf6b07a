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

  it('writes errors to error.log as well, and nothing below error', async () => {
    await app.inject({ method: 'GET', url: '/api/v1/okrs/boom', headers: { 'x-request-id': 'boom-1' } });
    const errors = readLog('error.log');
    expect(errors.some((entry) => entry.request_id === 'boom-1' && entry.level === 'error')).toBe(true);
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
