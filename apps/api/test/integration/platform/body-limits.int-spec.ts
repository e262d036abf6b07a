import { randomUUID } from 'node:crypto';
import { bearer } from '../../setup/test-app';
import { useTestApp } from '../../setup/use-test-app';

interface Document {
  paths: Record<string, Record<string, { requestBody?: unknown }>>;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

// 5,000 levels, about 25 KB: it once overflowed the stack in the validators on every body route (a 500).
const DEEP = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;

// Bodies are limited when they are parsed, on every route the document gives a body; routes without
// one accept an empty body sent with `content-type: application/json`.
describe('request body limits', () => {
  const t = useTestApp({ truncate: 'once' });
  const routes = async (withBody: boolean): Promise<Array<{ method: Method; url: string }>> => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs-json' })).json<Document>();
    return Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, operations]) =>
        Object.entries(operations)
          .filter(([, operation]) => (operation.requestBody !== undefined) === withBody)
          .map(([method]) => ({ method: method.toUpperCase() as Method, url: path.replace(/\{\w+\}/g, randomUUID()) })),
      );
  };
  const send = (method: Method, url: string, payload: string) =>
    t.app.inject({
      method,
      url,
      headers: { ...bearer(t.token('limits-co', 'admin')), 'content-type': 'application/json' },
      payload,
    });

  it('answers a deeply nested body with a coded 400 on every body route', async () => {
    const bodyRoutes = await routes(true);
    expect(bodyRoutes.length).toBeGreaterThanOrEqual(14);
    const answers = await Promise.all(
      bodyRoutes.map(async ({ method, url }) => {
        const response = await send(method, url, DEEP);
        return `${method} ${url.replace(/[0-9a-f-]{36}/g, '{id}')} ${response.statusCode} ${response.json<{ code: string }>().code}`;
      }),
    );
    expect(answers).toEqual(answers.map((a) => a.replace(/ \d+ \S+$/, ' 400 REQUEST.TOO_DEEP')));
  });

  it('counts only structure: brackets inside strings are text', async () => {
    const response = await send(
      'POST',
      '/api/v1/objectives',
      JSON.stringify({ name: '['.repeat(150), type: 'value', priority: 5 }),
    );
    expect(response.statusCode).toBe(201);
  });

  it('answers a body over the size limit with a coded 413', async () => {
    const response = await send('POST', '/api/v1/objectives', JSON.stringify({ name: 'x'.repeat(4 * 1024 * 1024) }));
    expect([response.statusCode, response.json<{ code: string }>().code]).toEqual([413, 'REQUEST.TOO_LARGE']);
  });

  it('accepts an empty JSON body on every route that takes none', async () => {
    const bodyless = await routes(false);
    expect(bodyless.length).toBeGreaterThanOrEqual(20);
    for (const { method, url } of bodyless) {
      const response = await send(method, url, '');
      // The ids name nothing, so a route that got past parsing answers 404 (lists answer 200).
      expect(`${method} ${url} ${response.statusCode}`).toMatch(/ (200|404)$/);
    }
  });

  it('still names the missing fields when a route that needs a body gets an empty one', async () => {
    const response = await send('POST', '/api/v1/objectives', '');
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string; details: Array<{ field: string }> }>()).toMatchObject({
      code: 'VALIDATION.FAILED',
      details: expect.arrayContaining([expect.objectContaining({ field: 'name' })]),
    });
  });
});
