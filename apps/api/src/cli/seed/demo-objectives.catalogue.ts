import { z } from 'zod';
import { daysOffset, objectiveKey, parseCatalogue } from './catalogue-file';
import data from './data/demo-objectives.json';

// The demo company's strategy (data/demo-objectives.json): Fabrikam Cloud, a mid-size B2B SaaS selling
// shop-floor software to manufacturers. Dates are offsets in days from today, so the tree always looks current.
const demoObjective = z
  .object({
    key: objectiveKey,
    parent: objectiveKey.optional(),
    name: z.string().min(1),
    type: z.enum(['mission', 'vision', 'strategic_goal', 'value']),
    content: z.string().min(1),
    description: z.string().optional(),
    priority: z.number().int().min(1).max(10),
    status: z.enum(['active', 'completed', 'cancelled', 'archived']),
    startInDays: daysOffset.optional(),
    targetInDays: daysOffset.optional(),
    completedInDays: daysOffset.optional(),
  })
  .strict();

export type ObjectiveKey = string;
export type DemoObjective = z.output<typeof demoObjective>;

// Parents come before their children, so the tree can be created in file order.
const demoObjectives = z.array(demoObjective).superRefine((objectives, context) => {
  const seen = new Set<string>();
  objectives.forEach((objective, index) => {
    if (seen.has(objective.key)) context.addIssue({ code: 'custom', path: [index, 'key'], message: 'is a duplicate' });
    if (objective.parent !== undefined && !seen.has(objective.parent))
      context.addIssue({ code: 'custom', path: [index, 'parent'], message: 'must name an objective listed above it' });
    seen.add(objective.key);
  });
});

export const DEMO_OBJECTIVES: readonly DemoObjective[] = parseCatalogue('demo-objectives.json', demoObjectives, data);

export const OBJECTIVE_KEYS: ReadonlySet<ObjectiveKey> = new Set(DEMO_OBJECTIVES.map((objective) => objective.key));
