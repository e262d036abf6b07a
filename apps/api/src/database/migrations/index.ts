import { InitialSchema1764300000000 } from './1764300000000-initial-schema';
import { MetricsSinglePrimary1764300001000 } from './1764300001000-metrics-single-primary';
import { RequirementOverdueAlert1764300005000 } from './1764300005000-requirement-overdue-alert';

// Every migration, in order. Listed explicitly so compiled and ts-jest runs load the same set.
export const MIGRATIONS = [
  InitialSchema1764300000000,
  MetricsSinglePrimary1764300001000,
  RequirementOverdueAlert1764300005000,
];
