// A small, fast, seedable PRNG (mulberry32) so that simulation and training are reproducible
// from one integer; Math.random is never used in this package.
export class SeededRandom {
  private state: number;
  private spareNormal: number | null = null;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  // Uniform in [0, 1).
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  // Integer in [min, max], both inclusive.
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== null) {
      const spare = this.spareNormal;
      this.spareNormal = null;
      return mean + sd * spare;
    }
    const u = 1 - this.next();
    const v = this.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = radius * Math.sin(2 * Math.PI * v);
    return mean + sd * radius * Math.cos(2 * Math.PI * v);
  }

  // Student-t with `dof` degrees of freedom: heavier tails than the normal for noise that has outliers.
  studentT(dof: number): number {
    let chiSquare = 0;
    for (let i = 0; i < dof; i += 1) chiSquare += this.normal() ** 2;
    return this.normal() / Math.sqrt(chiSquare / dof);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  // Picks a key with probability proportional to its weight.
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let threshold = this.next() * total;
    for (const [key, weight] of entries) {
      threshold -= weight;
      if (threshold < 0) return key;
    }
    const last = entries.at(-1);
    if (!last) throw new RangeError('weighted pick from no weights');
    return last[0];
  }

  // Fisher-Yates, in place.
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      const a = items[i] as T;
      items[i] = items[j] as T;
      items[j] = a;
    }
    return items;
  }

  // An independent stream for a sub-task, so adding draws in one place does not shift another's.
  fork(label: number): SeededRandom {
    return new SeededRandom(Math.imul(this.state ^ 0x85ebca6b, 0xc2b2ae35) + Math.imul(label + 1, 0x27d4eb2f));
  }
}
