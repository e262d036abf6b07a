import { TestApp } from '../../setup/test-app';

export type Headers = { authorization: string };

export const METRICS_URL = '/api/v1/north-star-metrics';

export interface MetricJson {
  id: string;
  code: string;
  name: string;
  isPrimary: boolean;
  currentValue: number | null;
  healthScore: number | null;
  healthBand: string | null;
  lastUpdated: string | null;
}

export interface PageJson<T> {
  data: T[];
  meta: { page?: number; size: number; total?: number; nextCursor: string | null };
}

// Structural, so it accepts inject()'s response whichever light-my-request copy typed it.
interface JsonResponse {
  json<T>(): T;
}

interface ErrorJson {
  code: string;
  details: Array<{ field: string; reason: string }>;
}

export function fieldsOf(response: JsonResponse): string[] {
  return response.json<ErrorJson>().details.map((d) => d.field);
}

export function codeOf(response: JsonResponse): string {
  return response.json<ErrorJson>().code;
}

export function metricBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Weekly active teams',
    type: 'engagement',
    direction: 'increase',
    baselineValue: 100,
    targetValue: 200,
    frequency: 'daily',
    ...overrides,
  };
}

// A calendar date `n` days before today (UTC).
export function daysAgo(n: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - n * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

export async function createMetric(
  t: TestApp,
  headers: Headers,
  overrides: Record<string, unknown> = {},
): Promise<MetricJson> {
  const response = await t.app.inject({ method: 'POST', url: METRICS_URL, headers, payload: metricBody(overrides) });
  if (response.statusCode !== 201) throw new Error(`create metric failed: ${response.statusCode} ${response.body}`);
  return response.json<MetricJson>();
}

export async function createObjective(t: TestApp, headers: Headers, priority = 7): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/objectives',
    headers,
    payload: { name: 'Grow', type: 'strategic_goal', priority },
  });
  if (response.statusCode !== 201) throw new Error(`create objective failed: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string }>().id;
}

export async function storedValueCount(t: TestApp, metricId: string): Promise<number> {
  const rows: Array<{ n: string }> = await t.dataSource.query(
    'SELECT count(*) AS n FROM metric_values WHERE metric_id = $1',
    [metricId],
  );
  return Number(rows[0]?.n ?? 0);
}
