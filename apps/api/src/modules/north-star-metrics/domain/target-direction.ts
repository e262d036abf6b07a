import { MetricDirection } from '../entities/north-star-metric.entity';

// A metric that should rise needs a target above its baseline, one that should fall a target below it;
// otherwise achievement has no meaning. A maintained metric may sit anywhere.
export function targetFitsDirection(direction: MetricDirection, baselineValue: number, targetValue: number): boolean {
  switch (direction) {
    case 'increase':
      return targetValue > baselineValue;
    case 'decrease':
      return targetValue < baselineValue;
    case 'maintain':
      return true;
  }
}
