import { createApp } from '../../src/app.factory';
import { ApiConfig } from '../../src/config/api.config';
import { testDatabaseUrl, testRedisUrl } from '@qbm/testing';
import { TEST_JWT_SECRET } from '../setup/test-app';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[] }>>;
}

// Every route the server really registers under /api/v1 is described in /docs-json, with its errors.
describe('OpenAPI document', () => {
  it('describes every registered API route and its error responses', async () => {
    const config = ApiConfig.fromEnvironment(
      {
        NODE_ENV: 'test',
        DATABASE_URL: testDatabaseUrl('api'),
        REDIS_URL: testRedisUrl(),
        JWT_SECRET: TEST_JWT_SECRET,
        LOG_LEVEL: 'silent',
      },
      '0.0.0-test',
    );
    const app = await createApp(config);
    const registered: string[] = [];
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onRoute', (route) => {
        const methods = Array.isArray(route.method) ? route.method : [route.method];
        for (const method of methods)
          if (route.url.startsWith('/api/v1/') && method !== 'HEAD') registered.push(`${method} ${route.url}`);
      });
    await app.init();
    try {
      const response = await app.inject({ method: 'GET', url: '/docs-json' });
      expect(response.statusCode).toBe(200);
      const doc = response.json<OpenApiDocument>();
      expect(doc.openapi).toMatch(/^3\./);
      const described = Object.entries(doc.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      );
      expect(registered.length).toBeGreaterThan(20);
      expect(described.sort()).toEqual(expect.arrayContaining([...new Set(registered)].sort()));
      for (const [path, operations] of Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/'))) {
        for (const [method, operation] of Object.entries(operations)) {
          const statuses = Object.keys(operation.responses);
          expect({
            route: `${method} ${path}`,
            has401: statuses.includes('401'),
            has500: statuses.includes('500'),
          }).toEqual({
            route: `${method} ${path}`,
            has401: true,
            has500: true,
          });
        }
      }
    } finally {
      await app.close();
    }
  });
});
