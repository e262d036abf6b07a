import { addDays, isoDate } from './calendar-dates';
import { DemoApiClient } from './demo-api.client';
import { DEMO_OBJECTIVES, ObjectiveKey } from './demo-objectives.catalogue';

export type ObjectiveIds = ReadonlyMap<ObjectiveKey, string>;

const AUTHOR = 'ceo@demo';

// Parents come before their children in the catalogue, so one pass builds the tree.
export async function seedObjectives(api: DemoApiClient, today: Date): Promise<ObjectiveIds> {
  const ids = new Map<ObjectiveKey, string>();
  const day = (offset: number | undefined) => (offset === undefined ? undefined : isoDate(addDays(today, offset)));
  for (const o of DEMO_OBJECTIVES) {
    const parentId = o.parent ? ids.get(o.parent) : undefined;
    if (o.parent && !parentId) throw new Error(`seed: objective "${o.key}" is listed before its parent "${o.parent}"`);
    const created = await api.post<{ id: string }>(AUTHOR, '/api/v1/objectives', {
      name: o.name,
      type: o.type,
      content: o.content,
      description: o.description,
      parentId,
      priority: o.priority,
      status: o.status,
      startDate: day(o.startInDays),
      targetDate: day(o.targetInDays),
      completionDate: day(o.completedInDays),
    });
    ids.set(o.key, created.id);
  }
  return ids;
}
