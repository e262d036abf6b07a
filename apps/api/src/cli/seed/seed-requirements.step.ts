import { addDays, isoDate } from './calendar-dates';
import { DemoApiClient } from './demo-api.client';
import { DEMO_REQUIREMENTS, DemoRequirement } from './demo-requirements.catalogue';
import { ObjectiveIds } from './seed-objectives.step';

export interface RequirementsSeeded {
  requirements: number;
  byStatus: Record<string, number>;
}

// Each requirement is raised by its requester and taken to its state by the workflow routes; decisions are
// taken by someone else, since nobody may approve or reject their own request.
export async function seedRequirements(
  api: DemoApiClient,
  goals: ObjectiveIds,
  today: Date,
): Promise<RequirementsSeeded> {
  const seeded: RequirementsSeeded = { requirements: 0, byStatus: {} };
  for (const r of DEMO_REQUIREMENTS) {
    const created = await api.post<{ id: string; status: string }>(r.requester, '/api/v1/decision-requirements', {
      title: r.title,
      description: r.description,
      type: r.type,
      category: r.category,
      objectiveId: r.goal ? goals.get(r.goal) : undefined,
      requiredBy: r.requiredInDays === undefined ? undefined : isoDate(addDays(today, r.requiredInDays)),
      priority: r.priority,
    });
    const status = await walk(api, `/api/v1/decision-requirements/${created.id}`, r, created.status);
    seeded.requirements++;
    seeded.byStatus[status] = (seeded.byStatus[status] ?? 0) + 1;
  }
  return seeded;
}

async function walk(api: DemoApiClient, url: string, r: DemoRequirement, initial: string): Promise<string> {
  const decider = r.decider ?? r.requester;
  const act = async (subject: string, action: string, body?: object) =>
    (await api.post<{ status: string }>(subject, `${url}/${action}`, body)).status;
  switch (r.fate) {
    case 'draft':
      return initial;
    case 'cancelled-draft':
      return act(decider, 'cancel', { reason: r.reason });
    case 'submitted':
    case 'approved':
    case 'rejected':
    case 'cancelled-submitted': {
      const submitted = await act(r.requester, 'submit');
      if (r.fate === 'submitted') return submitted;
      if (r.fate === 'cancelled-submitted') return act(decider, 'cancel', { reason: r.reason });
      return act(decider, r.fate === 'approved' ? 'approve' : 'reject', { reason: r.reason });
    }
  }
}
