import { SeededRandom } from '../random/seeded-random';

// A random smooth seasonal shape of `period` steps with mean 0 and peak-to-mean `amplitude`:
// two or three harmonics with random phases, so no two series share a pattern.
export function seasonalShape(random: SeededRandom, period: number, amplitude: number): number[] {
  const harmonics = random.int(1, Math.min(3, Math.max(1, Math.floor(period / 2))));
  const terms = Array.from({ length: harmonics }, (_, k) => ({
    weight: k === 0 ? 1 : random.uniform(0.1, 0.6),
    phase: random.uniform(0, 2 * Math.PI),
  }));
  const raw = Array.from({ length: period }, (_, t) =>
    terms.reduce((sum, term, k) => sum + term.weight * Math.sin((2 * Math.PI * (k + 1) * t) / period + term.phase), 0),
  );
  const peak = Math.max(...raw.map(Math.abs)) || 1;
  return raw.map((v) => (amplitude * v) / peak);
}

// A day-of-week profile: weekdays similar, the weekend shifted up or down (consumer vs business metrics).
export function weekdayShape(random: SeededRandom, amplitude: number): number[] {
  const weekend = random.chance(0.5) ? -1 : 1;
  const raw = Array.from({ length: 7 }, (_, d) => (d >= 5 ? weekend : -weekend * 0.4) + random.normal(0, 0.15));
  const centre = raw.reduce((s, v) => s + v, 0) / 7;
  const peak = Math.max(...raw.map((v) => Math.abs(v - centre))) || 1;
  return raw.map((v) => (amplitude * (v - centre)) / peak);
}
