import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, testDatabaseUrl, testRedisUrl } from '@qbm/testing';
import { TEST_JWT_SECRET } from '../setup/test-app';

const ENTRY = join(__dirname, '../../dist/main.js');

async function waitFor(url: string, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return;
      last = response.status;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} not ready: ${String(last)}`);
}

// The built service as operators run it: real @fastify/static, real signals.
describe('the built API process', () => {
  let child: ChildProcessWithoutNullStreams | undefined;
  let stderr = '';

  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('refuses to start on bad configuration, naming every bad variable', async () => {
    expect(existsSync(ENTRY)).toBe(true);
    const bad = spawn(process.execPath, [ENTRY], {
      env: { PATH: process.env.PATH, API_PORT: 'x', DATABASE_URL: 'nope' },
    });
    let output = '';
    bad.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => bad.on('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain('API_PORT');
    expect(output).toContain('DATABASE_URL');
    expect(output).toContain('JWT_SECRET');
  });

  it('serves docs and health, then drains and exits cleanly on SIGTERM', async () => {
    const port = await freePort();
    child = spawn(process.execPath, [ENTRY], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        METRICS_TOKEN: 'lifecycle-metrics-token',
        API_PORT: String(port),
        API_HOST: '127.0.0.1',
        DATABASE_URL: testDatabaseUrl('api'),
        REDIS_URL: testRedisUrl(),
        JWT_SECRET: TEST_JWT_SECRET,
        LOG_LEVEL: 'info',
      },
    });
    // Both pipes are drained: a full stdout pipe would block the logger and stall shutdown.
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/health/ready`, 20_000);

    const docs = await fetch(`${base}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger-ui');
    // Bodies are read to the end: an unread body keeps its connection busy, and a busy connection
    // holds shutdown until the grace period runs out (which is what a slow client would do).
    const status = async (path: string): Promise<number> => {
      const response = await fetch(`${base}${path}`);
      await response.arrayBuffer();
      return response.status;
    };
    expect(await status('/docs/swagger-ui.css')).toBe(200);
    expect(await status('/health/live')).toBe(200);
    expect(await status('/metrics')).toBe(401);
    // Its request line is still gathered for a batched write when the signal comes.
    expect(await status('/docs-json?last=before-sigterm')).toBe(200);

    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child!.on('exit', (code, signal) => resolve({ code, signal })),
    );
    child.kill('SIGTERM');
    // Nest closes the server and pools, then re-raises the signal: death by SIGTERM after a clean
    // close, not exit code 1 from the shutdown watchdog.
    expect(await exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(stderr).not.toMatch(/unhandled|Error:/i);
    // Production logs are JSON lines with ISO time, level and service.
    const lines = stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatchObject({
      level: expect.any(String),
      time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      service: 'api',
    });
    // Nothing gathered is lost when the service stops.
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'request completed',
        req: expect.objectContaining({ url: '/docs-json?last=before-sigterm' }),
      }),
    );
  });
});
