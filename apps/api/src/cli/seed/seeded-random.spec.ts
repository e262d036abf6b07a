import { SeededRandom } from './seeded-random';

describe('SeededRandom', () => {
  const draw = (r: SeededRandom, n: number): number[] => Array.from({ length: n }, () => r.next());

  it('repeats the same stream for the same seed and label', () => {
    expect(draw(new SeededRandom(42), 50)).toEqual(draw(new SeededRandom(42), 50));
    expect(draw(SeededRandom.for('metric:arr'), 20)).toEqual(draw(SeededRandom.for('metric:arr'), 20));
  });

  it('gives different labels different streams', () => {
    expect(draw(SeededRandom.for('metric:arr'), 5)).not.toEqual(draw(SeededRandom.for('metric:dau'), 5));
  });

  it('stays in [0, 1) and covers the range evenly', () => {
    const values = draw(new SeededRandom(7), 20_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeCloseTo(0.5, 1);
  });

  it('draws integers inclusively and normals centred on zero', () => {
    const r = new SeededRandom(3);
    const ints = new Set(Array.from({ length: 500 }, () => r.int(1, 3)));
    expect([...ints].sort()).toEqual([1, 2, 3]);
    const normals = Array.from({ length: 5000 }, () => r.normal());
    const mean = normals.reduce((a, b) => a + b, 0) / normals.length;
    const sd = Math.sqrt(normals.reduce((a, b) => a + (b - mean) ** 2, 0) / normals.length);
    expect(mean).toBeCloseTo(0, 1);
    expect(sd).toBeCloseTo(1, 1);
  });
});
