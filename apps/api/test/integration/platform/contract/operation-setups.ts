import { MODEL_NAMES } from '@qbm/contracts';

// What each documented operation needs before a valid request can succeed: the parents its path and
// body name, in the state its domain rules require. The schema cannot say these; they are the only
// knowledge the contract test adds to the document.

export type Body = Record<string, unknown>;

export interface ContractApi {
  // POST that must succeed; returns the created resource.
  create(url: string, body: Body): Promise<{ id: string; keyResults?: Array<{ id: string }> }>;
  // A body-less workflow action that must succeed.
  act(url: string): Promise<void>;
  // POST that must answer the given status; returns its body.
  post<T>(url: string, body: Body, status: number): Promise<T>;
}

export interface Prepared {
  params: Record<string, string>;
  // Existing ids for uuid properties, by property name.
  ids: Record<string, string>;
  // Act as a second admin (a requirement may not be decided by its requester).
  asOther?: boolean;
  // Rules across fields that the document states in words; applied to each generated valid request.
  fix?: (values: Body) => void;
}

const V1 = '/api/v1';

function objective(api: ContractApi): Promise<{ id: string }> {
  return api.create(`${V1}/objectives`, { name: 'Parent', type: 'value', priority: 5 });
}

function metric(api: ContractApi): Promise<{ id: string }> {
  return api.create(`${V1}/north-star-metrics`, {
    name: 'M',
    type: 'growth',
    direction: 'increase',
    baselineValue: 1,
    targetValue: 2,
    frequency: 'daily',
  });
}

async function okr(
  api: ContractApi,
  state: 'draft' | 'active' = 'draft',
): Promise<{ id: string; keyResultId: string }> {
  const created = await api.create(`${V1}/okrs`, {
    objective: 'O',
    periodType: 'custom',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    owner: 'me',
    keyResults: [{ statement: 'K', type: 'metric', baselineValue: 0, targetValue: 10, owner: 'me' }],
  });
  if (state === 'active') await api.act(`${V1}/okrs/${created.id}/activate`);
  return { id: created.id, keyResultId: created.keyResults?.[0]?.id ?? '' };
}

async function requirement(api: ContractApi, state: 'draft' | 'submitted' = 'draft'): Promise<{ id: string }> {
  const created = await api.create(`${V1}/decision-requirements`, {
    title: 'R',
    type: 'tactical',
    category: 'c',
    priority: 3,
  });
  if (state === 'submitted') await api.act(`${V1}/decision-requirements/${created.id}/submit`);
  return created;
}

// An OKR with key results, each with check-ins (the prediction routes read them).
async function okrWithCheckIns(api: ContractApi): Promise<{ id: string; keyResultId: string }> {
  const created = await okr(api, 'active');
  for (const value of [3, 6]) {
    await api.post(`${V1}/key-results/${created.keyResultId}/check-ins`, { value, confidence: 0.6 }, 201);
  }
  return created;
}

// A metric with a week of daily values (the forecast and anomaly routes read them).
async function metricWithValues(api: ContractApi): Promise<{ id: string }> {
  const created = await metric(api);
  const values = Array.from({ length: 7 }, (_, i) => ({ date: `2026-01-0${i + 1}`, value: 10 + i }));
  await api.post(`${V1}/north-star-metrics/${created.id}/values`, { values }, 200);
  return created;
}

// The model names the registry holds (the contract spec registers a version of each).

// A batch item the predict job contract accepts; the document only says `items` is an array of objects.
const BATCH_ITEM = {
  kind: 'key-result',
  id: 'contract-item',
  asOf: '2026-02-01',
  history: { baselineValue: 0, targetValue: 10, periodStart: '2026-01-01', periodEnd: '2026-03-31', checkIns: [] },
};
function batchItems(values: Body): void {
  if (Array.isArray(values.items)) values.items = values.items.map(() => BATCH_ITEM);
}

async function batchJob(api: ContractApi): Promise<string> {
  return (await api.post<{ jobId: string }>(`${V1}/predictions/batch`, { items: [BATCH_ITEM] }, 202)).jobId;
}

function swapIfReversed(values: Body, low: string, high: string): void {
  const a = values[low];
  const b = values[high];
  if (
    a !== undefined &&
    a !== null &&
    b !== undefined &&
    b !== null &&
    (b as number | string) < (a as number | string)
  ) {
    values[low] = b;
    values[high] = a;
  }
}

// METRIC.TARGET_AGAINST_DIRECTION; the existing metric is increase 1 -> 2.
function fitDirection(values: Body): void {
  if (!['direction', 'baselineValue', 'targetValue'].some((k) => k in values)) return;
  const direction = (values.direction ??= 'increase');
  const baseline = (values.baselineValue ??= 1) as number;
  const gap = Math.abs(((values.targetValue ?? 2) as number) - baseline) + 1;
  values.targetValue = direction === 'increase' ? baseline + gap : direction === 'decrease' ? baseline - gap : baseline;
}

// KEY_RESULT.TARGET_EQUALS_BASELINE and KEY_RESULT.WEIGHT_OUT_OF_RANGE; the existing key result is 0 -> 10.
function fitKeyResult(values: Body): void {
  if ('baselineValue' in values || 'targetValue' in values) {
    const baseline = (values.baselineValue ??= 0) as number;
    if ((values.targetValue ??= 10) === baseline) values.targetValue = baseline + 1;
  }
  const weight = values.weight as number | undefined;
  if (weight !== undefined && !(weight > 0 && weight <= 100)) values.weight = Math.abs(weight) % 100 || 1;
}

const iso = (date: Date): string => date.toISOString().slice(0, 10);

// OKR.PERIOD_INVALID; the existing OKR is custom 2026-01-01..2026-12-31.
function fitPeriod(values: Body): void {
  if (Array.isArray(values.keyResults)) (values.keyResults as Body[]).forEach(fitKeyResult);
  if (!['periodType', 'periodStart', 'periodEnd'].some((k) => k in values)) return;
  const type = (values.periodType ??= 'custom');
  const start = new Date(`${(values.periodStart ??= '2026-01-01') as string}T00:00:00Z`);
  const [y, m] = [start.getUTCFullYear(), start.getUTCMonth()];
  if (type === 'quarterly') {
    values.periodStart = iso(new Date(Date.UTC(y, m - (m % 3), 1)));
    values.periodEnd = iso(new Date(Date.UTC(y, m - (m % 3) + 3, 0)));
  } else if (type === 'annual') {
    values.periodStart = iso(new Date(Date.UTC(y, m, 1)));
    values.periodEnd = iso(new Date(Date.UTC(y, m + 12, 0)));
  } else {
    values.periodEnd ??= '2026-12-31';
    swapIfReversed(values, 'periodStart', 'periodEnd');
  }
}

// DECISION_REQUIREMENT.REQUIRED_BY_MISSING.
function fitRequirement(values: Body): void {
  if (values.type === 'emergency' && !values.requiredBy) values.requiredBy = '2030-06-30';
}

// Dates must be distinct within one batch.
function distinctDates(values: Body): void {
  if (!Array.isArray(values.values)) return;
  const seen = new Set<string>();
  values.values = (values.values as Body[]).filter((v) => !seen.has(v.date as string) && seen.add(v.date as string));
}

type Setup = (api: ContractApi) => Promise<Prepared>;
let nextModel = 0;
const onModel: Setup = () =>
  Promise.resolve({ params: { name: MODEL_NAMES[nextModel++ % MODEL_NAMES.length]! }, ids: {} });
const none: Setup = () => Promise.resolve({ params: {}, ids: {} });
const withId =
  (make: (api: ContractApi) => Promise<{ id: string }>, extra: Partial<Prepared> = {}): Setup =>
  async (api) => ({ params: { id: (await make(api)).id }, ids: {}, ...extra });

export const SETUPS: Record<string, Setup> = {
  'POST /api/v1/objectives': async (api) => ({
    params: {},
    ids: { parentId: (await objective(api)).id },
    fix: (v) => swapIfReversed(v, 'startDate', 'targetDate'),
  }),
  'GET /api/v1/objectives': none,
  'GET /api/v1/objectives/{id}': withId(objective),
  'PATCH /api/v1/objectives/{id}': async (api) => ({
    params: { id: (await objective(api)).id },
    ids: { parentId: (await objective(api)).id },
    fix: (v) => swapIfReversed(v, 'startDate', 'targetDate'),
  }),
  'DELETE /api/v1/objectives/{id}': withId(objective),
  'POST /api/v1/north-star-metrics': async (api) => ({
    params: {},
    ids: { objectiveId: (await objective(api)).id },
    fix: fitDirection,
  }),
  'GET /api/v1/north-star-metrics': async (api) => ({ params: {}, ids: { objectiveId: (await objective(api)).id } }),
  'GET /api/v1/north-star-metrics/{id}': withId(metric),
  'PATCH /api/v1/north-star-metrics/{id}': async (api) => ({
    params: { id: (await metric(api)).id },
    ids: { objectiveId: (await objective(api)).id },
    fix: fitDirection,
  }),
  'DELETE /api/v1/north-star-metrics/{id}': withId(metric),
  'POST /api/v1/north-star-metrics/{id}/values': withId(metric, { fix: distinctDates }),
  'GET /api/v1/north-star-metrics/{id}/values': withId(metric, { fix: (v) => swapIfReversed(v, 'from', 'to') }),
  'GET /api/v1/north-star-metrics/{id}/health': withId(metric),
  'POST /api/v1/okrs': async (api) => ({
    params: {},
    ids: { strategicObjectiveId: (await objective(api)).id, parentOkrId: (await okr(api)).id },
    fix: fitPeriod,
  }),
  'GET /api/v1/okrs': async (api) => ({
    params: {},
    ids: { strategicObjectiveId: (await objective(api)).id },
    fix: (v) => swapIfReversed(v, 'periodFrom', 'periodTo'),
  }),
  'GET /api/v1/okrs/{id}': withId(okr),
  'PATCH /api/v1/okrs/{id}': async (api) => ({
    params: { id: (await okr(api)).id },
    ids: { strategicObjectiveId: (await objective(api)).id, parentOkrId: (await okr(api)).id },
    fix: fitPeriod,
  }),
  'DELETE /api/v1/okrs/{id}': withId(okr),
  'POST /api/v1/okrs/{id}/activate': withId(okr),
  'POST /api/v1/okrs/{id}/complete': withId((api) => okr(api, 'active')),
  'POST /api/v1/okrs/{id}/fail': withId((api) => okr(api, 'active')),
  'POST /api/v1/okrs/{id}/cancel': withId(okr),
  'POST /api/v1/okrs/{id}/key-results': withId(okr, { fix: fitKeyResult }),
  'GET /api/v1/okrs/{id}/key-results': withId(okr),
  'GET /api/v1/key-results/{id}': async (api) => ({ params: { id: (await okr(api)).keyResultId }, ids: {} }),
  'PATCH /api/v1/key-results/{id}': async (api) => ({
    params: { id: (await okr(api)).keyResultId },
    ids: {},
    fix: fitKeyResult,
  }),
  'DELETE /api/v1/key-results/{id}': async (api) => ({ params: { id: (await okr(api)).keyResultId }, ids: {} }),
  'POST /api/v1/key-results/{id}/check-ins': async (api) => ({
    params: { id: (await okr(api, 'active')).keyResultId },
    ids: {},
  }),
  'GET /api/v1/key-results/{id}/check-ins': async (api) => ({ params: { id: (await okr(api)).keyResultId }, ids: {} }),
  'POST /api/v1/decision-requirements': async (api) => ({
    params: {},
    ids: { objectiveId: (await objective(api)).id },
    fix: fitRequirement,
  }),
  'GET /api/v1/decision-requirements': async (api) => ({
    params: {},
    ids: { objectiveId: (await objective(api)).id },
    fix: (v) => swapIfReversed(v, 'priorityMin', 'priorityMax'),
  }),
  'GET /api/v1/decision-requirements/{id}': withId(requirement),
  'PATCH /api/v1/decision-requirements/{id}': async (api) => ({
    params: { id: (await requirement(api)).id },
    ids: { objectiveId: (await objective(api)).id },
    fix: fitRequirement,
  }),
  'DELETE /api/v1/decision-requirements/{id}': withId(requirement),
  'POST /api/v1/decision-requirements/{id}/submit': withId(requirement),
  'POST /api/v1/decision-requirements/{id}/approve': withId((api) => requirement(api, 'submitted'), { asOther: true }),
  'POST /api/v1/decision-requirements/{id}/reject': withId((api) => requirement(api, 'submitted'), { asOther: true }),
  'POST /api/v1/decision-requirements/{id}/cancel': withId(requirement),
  'GET /api/v1/okrs/{id}/prediction': withId(okrWithCheckIns),
  'GET /api/v1/key-results/{id}/prediction': async (api) => ({
    params: { id: (await okrWithCheckIns(api)).keyResultId },
    ids: {},
  }),
  'GET /api/v1/north-star-metrics/{id}/forecast': withId(metricWithValues),
  'GET /api/v1/north-star-metrics/{id}/anomalies': withId(metricWithValues, {
    fix: (v) => swapIfReversed(v, 'from', 'to'),
  }),
  'POST /api/v1/predictions/batch': () => Promise.resolve({ params: {}, ids: {}, fix: batchItems }),
  'GET /api/v1/predictions/batch/{jobId}': async (api) => ({ params: { jobId: await batchJob(api) }, ids: {} }),
  'GET /api/v1/models': none,
  'GET /api/v1/models/{name}': onModel,
  'POST /api/v1/models/{name}/train': onModel,
  'POST /api/v1/models/{name}/promote': onModel,
  'POST /api/v1/models/{name}/rollback': onModel,
  'GET /api/v1/models/{name}/jobs/{jobId}': async (api) => {
    const { name } = (await onModel(api)).params as { name: string };
    const { jobId } = await api.post<{ jobId: string }>(`${V1}/models/${name}/rollback`, {}, 202);
    return { params: { name, jobId }, ids: {} };
  },
};
