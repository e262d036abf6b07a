import { FrequencyCalendar } from './frequency-calendar';
import { MetricHistory } from './metric-observation';

// A metric history laid on its frequency's grid: one slot per step from the first observation,
// `null` where nothing was measured. Non-finite values count as missing; of two values in one
// step the later date wins.
export interface RegularSeries {
  calendar: FrequencyCalendar;
  values: (number | null)[];
}

export function toRegularSeries(history: MetricHistory, untilIsoDate?: string): RegularSeries | null {
  const observations = history.values
    .filter((o) => Number.isFinite(o.value) && !Number.isNaN(Date.parse(o.measuredOn)))
    .filter((o) => untilIsoDate === undefined || o.measuredOn.slice(0, 10) <= untilIsoDate.slice(0, 10))
    .slice()
    .sort((a, b) => (a.measuredOn < b.measuredOn ? -1 : a.measuredOn > b.measuredOn ? 1 : 0));
  const first = observations[0];
  if (!first) return null;
  const calendar = new FrequencyCalendar(history.frequency, first.measuredOn);
  const values: (number | null)[] = [];
  for (const observation of observations) {
    const step = calendar.step(observation.measuredOn);
    while (values.length <= step) values.push(null);
    values[step] = observation.value;
  }
  return { calendar, values };
}

// Fills interior gaps linearly; the series starts with a value by construction, trailing gaps cannot occur.
export function interpolateGaps(values: readonly (number | null)[]): number[] {
  const filled: number[] = [];
  let lastIndex = -1;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (value === null || value === undefined) continue;
    if (lastIndex >= 0 && i - lastIndex > 1) {
      const start = filled[lastIndex] as number;
      for (let j = lastIndex + 1; j < i; j += 1)
        filled[j] = start + ((value - start) * (j - lastIndex)) / (i - lastIndex);
    }
    filled[i] = value;
    lastIndex = i;
  }
  return filled.slice(0, lastIndex + 1);
}
