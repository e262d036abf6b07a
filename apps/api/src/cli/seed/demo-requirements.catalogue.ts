import { z } from 'zod';
import { assertKnownKeys, objectiveKey, parseCatalogue } from './catalogue-file';
import data from './data/demo-requirements.json';
import { OBJECTIVE_KEYS } from './demo-objectives.catalogue';

const requirementFate = z.enum([
  'draft',
  'submitted',
  'approved',
  'rejected',
  'cancelled-draft',
  'cancelled-submitted',
]);

const demoRequirement = z
  .object({
    title: z.string().min(1),
    description: z.string().min(1),
    type: z.enum(['strategic', 'tactical', 'operational', 'emergency']),
    category: z.string().min(1),
    goal: objectiveKey.optional(),
    requester: z.string().min(1),
    // Approves, rejects or cancels; never the requester for a decision.
    decider: z.string().min(1).optional(),
    reason: z.string().optional(),
    requiredInDays: z.number().int().optional(),
    priority: z.number().int().min(1).max(10),
    fate: requirementFate,
  })
  .strict();

export type RequirementFate = z.output<typeof requirementFate>;
export type DemoRequirement = z.output<typeof demoRequirement>;

// data/demo-requirements.json: decisions the leadership team is asked for, in every state of the workflow.
export const DEMO_REQUIREMENTS: readonly DemoRequirement[] = parseCatalogue(
  'demo-requirements.json',
  z.array(demoRequirement),
  data,
);
assertKnownKeys(
  'demo-requirements.json',
  OBJECTIVE_KEYS,
  DEMO_REQUIREMENTS.map((requirement) => requirement.goal),
);
