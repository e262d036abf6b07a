import { z } from 'zod';
import { assertKnownKeys, objectiveKey, parseCatalogue } from './catalogue-file';
import data from './data/demo-okrs.json';
import { OBJECTIVE_KEYS } from './demo-objectives.catalogue';

const demoKeyResult = z
  .object({
    // {from} and {to} are replaced by the period's baseline and target.
    statement: z.string().min(1),
    type: z.enum(['metric', 'milestone', 'deliverable']),
    unit: z.string().min(1),
    baseline: z.number(),
    target: z.number(),
    // Compounded change of baseline and target per period, so later periods aim further.
    drift: z.number().optional(),
    decimals: z.number().int().min(0).optional(),
    weight: z.number().positive(),
    owner: z.string().min(1),
  })
  .strict();

const demoOkr = z
  .object({
    key: z.string().min(1),
    objective: z.string().min(1),
    goal: objectiveKey,
    owner: z.string().min(1),
    keyResults: z.array(demoKeyResult).min(1),
  })
  .strict()
  .refine((okr) => okr.keyResults.reduce((sum, kr) => sum + kr.weight, 0) === 100, {
    message: 'the weights of its key results must add up to 100',
    path: ['keyResults'],
  });

export type DemoKeyResultTemplate = z.output<typeof demoKeyResult>;
export type DemoOkrTemplate = z.output<typeof demoOkr>;

// data/demo-okrs.json: company OKRs, one set per calendar year (`annual`); team OKRs of the same goal hang
// under them, and each quarter runs most of them again with higher numbers, as real teams do (`quarterly`).
const catalogue = parseCatalogue(
  'demo-okrs.json',
  z.object({ annual: z.array(demoOkr), quarterly: z.array(demoOkr) }).strict(),
  data,
);
assertKnownKeys(
  'demo-okrs.json',
  OBJECTIVE_KEYS,
  [...catalogue.annual, ...catalogue.quarterly].map((okr) => okr.goal),
);

export const ANNUAL_OKRS: readonly DemoOkrTemplate[] = catalogue.annual;
export const QUARTERLY_OKRS: readonly DemoOkrTemplate[] = catalogue.quarterly;
