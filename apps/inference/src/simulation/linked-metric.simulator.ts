import { SeededRandom } from '../random/seeded-random';
import { isoDate } from '../series/calendar-day';
import { MetricHistory } from '../series/metric-observation';

// The history of the north-star metric a key result moves, up to the day before the period starts:
// a random walk with a small drift, daily (60 %) or weekly, half a year to two years long.
export function simulateLinkedMetric(random: SeededRandom, periodStartDay: number): MetricHistory {
  const frequency = random.chance(0.6) ? 'daily' : 'weekly';
  const stepDays = frequency === 'daily' ? 1 : 7;
  const steps = frequency === 'daily' ? random.int(180, 730) : random.int(26, 104);
  const level = 10 ** random.uniform(2, 4);
  const sd = level * random.uniform(0.004, 0.02) * Math.sqrt(stepDays);
  const drift = sd * random.normal(0, 0.15);
  const values = [];
  let value = level;
  for (let k = steps; k >= 1; k -= 1) {
    values.push({ measuredOn: isoDate(periodStartDay - k * stepDays), value });
    value = Math.max(level * 0.05, value + drift + random.normal(0, sd));
  }
  return { frequency, values };
}
