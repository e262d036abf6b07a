import { CodeSequence } from '../common/codes/code-sequence.entity';
import { DecisionRequirement } from '../modules/decision-requirements/entities/decision-requirement.entity';
import { MetricValue } from '../modules/north-star-metrics/entities/metric-value.entity';
import { NorthStarMetric } from '../modules/north-star-metrics/entities/north-star-metric.entity';
import { StrategicObjective } from '../modules/objectives/entities/strategic-objective.entity';
import { KeyResultCheckIn } from '../modules/okrs/entities/key-result-check-in.entity';
import { KeyResult } from '../modules/okrs/entities/key-result.entity';
import { Okr } from '../modules/okrs/entities/okr.entity';

export const ENTITIES = [
  StrategicObjective,
  NorthStarMetric,
  MetricValue,
  Okr,
  KeyResult,
  KeyResultCheckIn,
  DecisionRequirement,
  CodeSequence,
];
