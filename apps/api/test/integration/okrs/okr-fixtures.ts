import { TestApp } from '../../setup/test-app';
import { useBearer, useTestApp } from '../../setup/use-test-app';

export type Headers = { authorization: string };
export type Body = Record<string, unknown>;

export interface FieldProblemJson {
  field: string;
  reason: string;
  message: string;
}
// Field problems for 400s; domain errors carry an object instead, read through the index signature.
export interface ErrorJson {
  statusCode: number;
  code: string;
  message: string;
  requestId: string;
  details: FieldProblemJson[] & Record<string, unknown>;
}
export interface KeyResultJson {
  id: string;
  okrId: string;
  statement: string;
  type: string;
  baselineValue: number;
  targetValue: number;
  currentValue: number;
  unit: string;
  weight: number;
  owner: string;
  dueDate: string | null;
  status: string;
  progress: number;
  createdAt: string;
  updatedAt: string;
}
export interface OkrJson {
  id: string;
  code: string;
  objective: string;
  strategicObjectiveId: string | null;
  parentOkrId: string | null;
  periodType: string;
  periodStart: string;
  periodEnd: string;
  owner: string;
  status: string;
  progress: number;
  finalScore: number | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  keyResults: KeyResultJson[];
}
export interface CheckInJson {
  id: string;
  keyResultId: string;
  value: number;
  confidence: number;
  note: string | null;
  author: string;
  checkedInAt: string;
  createdAt: string;
}
export interface CheckInResultJson {
  checkIn: CheckInJson;
  keyResult: KeyResultJson;
  okr: { id: string; progress: number; status: string };
}
export interface PageJson<T> {
  data: T[];
  meta: { size: number; page?: number; total?: number; nextCursor: string | null };
}

// The body is the success shape or, when the status says so, the error shape; tests check the status first.
export interface Reply<T> {
  statusCode: number;
  body: string;
  json(): T & ErrorJson;
}

export const Q1_2026 = { periodType: 'quarterly', periodStart: '2026-01-01', periodEnd: '2026-03-31' } as const;
export const MISSING_ID = '00000000-0000-4000-8000-000000000000';

export function keyResult(overrides: Body = {}): Body {
  return {
    statement: 'Raise weekly active teams',
    type: 'metric',
    baselineValue: 0,
    targetValue: 100,
    owner: 'alice',
    ...overrides,
  };
}

export function okr(overrides: Body = {}): Body {
  return { objective: 'Make onboarding effortless', ...Q1_2026, owner: 'vp-customer', ...overrides };
}

export type OkrClient = ReturnType<typeof okrClient>;

// Thin request helpers over the real app; each returns the whole reply so tests can assert status codes.
export function okrClient(t: TestApp, headers: Headers) {
  async function call<T = unknown>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: Body,
    as: Headers = headers,
  ): Promise<Reply<T>> {
    const response = await t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: as,
      ...(payload === undefined ? {} : { payload }),
    });
    return { statusCode: response.statusCode, body: response.body, json: () => response.json<T & ErrorJson>() };
  }
  const client = {
    call,
    createOkr: (body: Body = okr(), as?: Headers) => call<OkrJson>('POST', '/okrs', body, as),
    getOkr: (id: string, as?: Headers) => call<OkrJson>('GET', `/okrs/${id}`, undefined, as),
    listOkrs: (query: string, as?: Headers) => call<PageJson<OkrJson>>('GET', `/okrs?${query}`, undefined, as),
    patchOkr: (id: string, body: Body, as?: Headers) => call<OkrJson>('PATCH', `/okrs/${id}`, body, as),
    deleteOkr: (id: string, as?: Headers) => call('DELETE', `/okrs/${id}`, undefined, as),
    action: (id: string, action: 'activate' | 'complete' | 'fail' | 'cancel', as?: Headers) =>
      call<OkrJson>('POST', `/okrs/${id}/${action}`, {}, as),
    addKeyResult: (okrId: string, body: Body = keyResult(), as?: Headers) =>
      call<KeyResultJson>('POST', `/okrs/${okrId}/key-results`, body, as),
    listKeyResults: (okrId: string, as?: Headers) =>
      call<{ data: KeyResultJson[] }>('GET', `/okrs/${okrId}/key-results`, undefined, as),
    getKeyResult: (id: string, as?: Headers) => call<KeyResultJson>('GET', `/key-results/${id}`, undefined, as),
    patchKeyResult: (id: string, body: Body, as?: Headers) =>
      call<KeyResultJson>('PATCH', `/key-results/${id}`, body, as),
    deleteKeyResult: (id: string, as?: Headers) => call('DELETE', `/key-results/${id}`, undefined, as),
    checkIn: (keyResultId: string, body: Body, as?: Headers) =>
      call<CheckInResultJson>('POST', `/key-results/${keyResultId}/check-ins`, body, as),
    listCheckIns: (keyResultId: string, query = '', as?: Headers) =>
      call<PageJson<CheckInJson>>(
        'GET',
        `/key-results/${keyResultId}/check-ins${query ? `?${query}` : ''}`,
        undefined,
        as,
      ),
    // An active OKR with the given key results.
    async activeOkr(keyResults: Body[] = [keyResult()], overrides: Body = {}): Promise<OkrJson> {
      const created = await client.createOkr(okr({ ...overrides, keyResults }));
      if (created.statusCode !== 201) throw new Error(`create failed: ${created.body}`);
      const activated = await client.action(created.json().id, 'activate');
      if (activated.statusCode !== 200) throw new Error(`activate failed: ${activated.body}`);
      return created.json();
    },
  };
  return client;
}

// The real app for the enclosing describe, an admin of 'acme', and a client acting as that admin.
export function useOkrApi(): { t: TestApp; admin: Headers; api: OkrClient } {
  const t = useTestApp();
  const admin = useBearer(t, 'acme', 'admin');
  return { t, admin, api: okrClient(t, admin) };
}

// The ids of a page's items, in order.
export function ids(page: { data: Array<{ id: string }> }): string[] {
  return page.data.map((item) => item.id);
}
