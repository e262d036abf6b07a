import { SeededRandom } from './seeded-random';

describe('SeededRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const draw = (seed: number) =>
      Array.from({ length: 20 }, () => new SeededRandom(seed)).map((r, i) => r.fork(i).next());
    expect(draw(5)).toEqual(draw(5));
    expect(draw(5)).not.toEqual(draw(6));
  });

  it('keeps forks independent of how much the parent drew after forking', () => {
    const a = new SeededRandom(9);
    const b = new SeededRandom(9);
    const forkA = a.fork(1);
    const forkB = b.fork(1);
    b.next();
    expect([forkA.next(), forkA.next()]).toEqual([forkB.next(), forkB.next()]);
  });

  it('draws uniforms in [0, 1) and shuffles to a permutation', () => {
    const random = new SeededRandom(3);
    const values = Array.from({ length: 1000 }, () => random.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect(random.shuffle([...items]).sort((x, y) => x - y)).toEqual(items);
  });
});
