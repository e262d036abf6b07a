import { DemoApiClient } from './demo-api.client';
import { LedgerReplay } from './ledger-replay';
import { PlannedOkr } from './okr-plan';
import { ObjectiveIds } from './seed-objectives.step';

interface OkrResponse {
  id: string;
  status: string;
  progress: number;
  keyResults: { id: string; statement: string }[];
}

export interface OkrsSeeded {
  okrs: number;
  keyResults: number;
  checkIns: number;
  byStatus: Record<string, number>;
  // OKR predictions replayed as of past dates into the quality ledger (0 without an inference service).
  replayedPredictions: number;
}

// A scored OKR completes at this progress and fails below it.
export const COMPLETION_THRESHOLD = 0.7;

// OKRs are created in plan order (so their codes are stable), then walked through their lives:
// activated, checked in on by each key result's owner with back-dated check-ins, and closed.
export async function seedOkrs(
  api: DemoApiClient,
  goals: ObjectiveIds,
  plans: readonly PlannedOkr[],
): Promise<OkrsSeeded> {
  const ids = new Map<string, string>();
  const seeded: OkrsSeeded = { okrs: 0, keyResults: 0, checkIns: 0, byStatus: {}, replayedPredictions: 0 };
  const replay = new LedgerReplay(api);
  for (const plan of plans) {
    const okr = await create(api, goals, ids, plan);
    ids.set(plan.key, okr.id);
    const status = await live(api, plan, okr, seeded, replay);
    seeded.okrs++;
    seeded.keyResults += plan.keyResults.length;
    seeded.byStatus[status] = (seeded.byStatus[status] ?? 0) + 1;
  }
  seeded.replayedPredictions = replay.replayed;
  return seeded;
}

function create(
  api: DemoApiClient,
  goals: ObjectiveIds,
  ids: ReadonlyMap<string, string>,
  plan: PlannedOkr,
): Promise<OkrResponse> {
  return api.post<OkrResponse>(plan.owner, '/api/v1/okrs', {
    objective: plan.objective,
    strategicObjectiveId: goals.get(plan.goal),
    parentOkrId: plan.parent ? ids.get(plan.parent) : undefined,
    periodType: plan.periodType,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    owner: plan.owner,
    keyResults: plan.keyResults.map((kr) => ({
      statement: kr.statement,
      type: kr.type,
      baselineValue: kr.baselineValue,
      targetValue: kr.targetValue,
      unit: kr.unit,
      weight: kr.weight,
      owner: kr.owner,
      dueDate: kr.dueDate,
    })),
  });
}

async function live(
  api: DemoApiClient,
  plan: PlannedOkr,
  okr: OkrResponse,
  seeded: OkrsSeeded,
  replay: LedgerReplay,
): Promise<string> {
  if (plan.fate === 'draft') return okr.status;
  const url = `/api/v1/okrs/${okr.id}`;
  await api.post(plan.owner, `${url}/activate`);

  // Key results are matched by statement: the response need not list them in request order.
  const checkIns = plan.keyResults
    .flatMap((kr) => {
      const id = okr.keyResults.find((k) => k.statement === kr.statement)?.id;
      if (!id) throw new Error(`seed: ${url} did not return key result "${kr.statement}"`);
      return kr.checkIns.map((checkIn) => ({ id, owner: kr.owner, checkIn }));
    })
    .sort((a, b) => a.checkIn.checkedInAt.localeCompare(b.checkIn.checkedInAt));
  for (const { id, owner, checkIn } of checkIns) {
    await api.post(owner, `/api/v1/key-results/${id}/check-ins`, checkIn);
    seeded.checkIns++;
  }

  switch (plan.fate) {
    case 'active':
      return 'active';
    case 'cancelled':
      return (await api.post<OkrResponse>(plan.owner, `${url}/cancel`)).status;
    case 'scored': {
      // What the model said during the period, recorded before the outcome is known; the close scores it.
      await replay.okr(plan, okr.id);
      const { progress } = await api.get<OkrResponse>(plan.owner, url);
      return (
        await api.post<OkrResponse>(plan.owner, `${url}/${progress >= COMPLETION_THRESHOLD ? 'complete' : 'fail'}`)
      ).status;
    }
  }
}
