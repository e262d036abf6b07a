import { z } from 'zod';
import { assertKnownKeys, objectiveKey, parseCatalogue } from './catalogue-file';
import data from './data/demo-metrics.json';
import { OBJECTIVE_KEYS } from './demo-objectives.catalogue';

// How one metric behaved over the year; see SeriesModel in metric-series.generator.ts.
const seriesModel = z
  .object({
    start: z.number(),
    end: z.number(),
    curve: z.number().positive(),
    weekly: z.number(),
    noise: z.number().min(0),
    decimals: z.number().int().min(0),
    min: z.number().optional(),
    max: z.number().optional(),
    gapRate: z.number().min(0).max(1),
    outage: z.number().int().min(0),
    anomalies: z.number().int().min(0),
  })
  .strict();

const demoMetric = z
  .object({
    name: z.string().min(1),
    description: z.string().min(1),
    goal: objectiveKey.optional(),
    type: z.enum(['revenue', 'growth', 'engagement', 'retention', 'custom']),
    unit: z.string().min(1),
    direction: z.enum(['increase', 'decrease', 'maintain']),
    frequency: z.enum(['daily', 'weekly', 'monthly']),
    baseline: z.number(),
    target: z.number(),
    primary: z.boolean().optional(),
    model: seriesModel,
  })
  .strict();

export type DemoMetric = z.output<typeof demoMetric>;

// data/demo-metrics.json: every type, every direction, daily/weekly/monthly cadences; most move towards
// their targets, a few (sales cycle, CAC, accounts at risk, NPS) drift the wrong way so the health bands are mixed.
export const DEMO_METRICS: readonly DemoMetric[] = parseCatalogue('demo-metrics.json', z.array(demoMetric), data);
assertKnownKeys(
  'demo-metrics.json',
  OBJECTIVE_KEYS,
  DEMO_METRICS.map((metric) => metric.goal),
);
