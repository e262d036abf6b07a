import { type Role } from '@qbm/http';
import { send, type ClientResponse } from './http-client';
import { bearer } from './tokens';

export interface UserCall {
  status: number;
  body: Record<string, unknown>;
  response: ClientResponse;
}

// A user of one organisation calling the public routes through the gateway, from a client address of
// its own (the gateway rate-limits per address).
export class SuiteUser {
  constructor(
    private readonly gatewayUrl: string,
    private readonly role: Role,
    readonly organizationId: string,
    private readonly from = '127.0.0.4',
  ) {}

  async call(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<UserCall> {
    const response = await send(`${this.gatewayUrl}/api/v1${path}`, {
      method,
      headers: { ...bearer(this.role, this.organizationId), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      from: this.from,
    });
    const parsed = response.text ? response.json<Record<string, unknown>>() : {};
    return { status: response.status, body: parsed, response };
  }

  // The call, which must answer `status`; the body otherwise in the error.
  async expect<T = Record<string, unknown>>(
    status: number,
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    body?: unknown,
  ): Promise<T> {
    const reply = await this.call(method, path, body);
    if (reply.status !== status)
      throw new Error(
        `${method} ${path}: expected ${status}, got ${reply.status} ${reply.response.text.slice(0, 500)}`,
      );
    return reply.body as T;
  }
}

// A calendar date `n` days before today (UTC).
export function daysAgo(n: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - n * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

export interface ClosedOkr {
  okrId: string;
  // The predicted probabilities of success when the prediction was served: the OKR's and its key result's.
  okrProbability: number;
  keyResultProbability: number;
  // What happened, to the OKR and to its key result alike.
  achieved: boolean;
}

// An active OKR with one key result, its prediction served through the gateway (which puts the OKR
// and its key result in the quality ledger), then closed: `against` the prediction (a likely OKR fails
// short of its target, an unlikely one reaches it and completes) or `with` it.
export async function closeOkrAfterPrediction(
  user: SuiteUser,
  label: string,
  outcome: 'against' | 'with',
): Promise<ClosedOkr> {
  const okr = await user.expect<{ id: string; keyResults: Array<{ id: string }> }>(201, 'POST', '/okrs', {
    objective: `Suite OKR ${label}`,
    periodType: 'custom',
    periodStart: daysAgo(60),
    periodEnd: daysAgo(-30),
    owner: 'suite-owner',
    keyResults: [{ statement: `Key result ${label}`, type: 'metric', baselineValue: 0, targetValue: 100, owner: 'o' }],
  });
  await user.expect(200, 'POST', `/okrs/${okr.id}/activate`, {});
  const keyResultId = okr.keyResults[0]!.id;
  const prediction = await user.expect<{ probability: number; keyResults: Array<{ probability: number }> }>(
    200,
    'GET',
    `/okrs/${okr.id}/prediction`,
  );
  const predictedSuccess = prediction.probability >= 0.5;
  const achieved = outcome === 'with' ? predictedSuccess : !predictedSuccess;
  await user.expect(201, 'POST', `/key-results/${keyResultId}/check-ins`, {
    value: achieved ? 100 : 5,
    confidence: 0.5,
  });
  await user.expect(200, 'POST', `/okrs/${okr.id}/${achieved ? 'complete' : 'fail'}`, {});
  return {
    okrId: okr.id,
    okrProbability: prediction.probability,
    keyResultProbability: prediction.keyResults[0]!.probability,
    achieved,
  };
}

// The accuracy the ledger must report for these OKRs (their OKR and key-result predictions, at 0.5).
export function expectedAccuracy(closed: readonly ClosedOkr[]): number {
  const predictions = closed.flatMap((okr) =>
    [okr.okrProbability, okr.keyResultProbability].map((probability) => ({ probability, achieved: okr.achieved })),
  );
  return predictions.filter(({ probability, achieved }) => probability >= 0.5 === achieved).length / predictions.length;
}
