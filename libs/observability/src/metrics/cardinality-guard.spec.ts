import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { CardinalityGuard, FOLDED_LABEL_VALUE } from './cardinality-guard';

describe('CardinalityGuard', () => {
  let registry: Registry;
  let guard: CardinalityGuard;

  beforeEach(() => {
    registry = new Registry();
    const foldedTotal = new Counter({
      name: 'label_values_folded_total',
      help: 'h',
      labelNames: ['metric', 'label'],
      registers: [registry],
    });
    guard = new CardinalityGuard(foldedTotal, 3);
  });

  const folded = async (metric: string, label: string): Promise<number> => {
    const values = (await guard.foldedTotal.get()).values;
    return values.find((v) => v.labels.metric === metric && v.labels.label === label)?.value ?? 0;
  };

  it('keeps values up to the cap and folds the rest into "other", counting each fold', async () => {
    const kept = ['a', 'b', 'c'].map((value) => guard.fold('m', 'l', value));
    expect(kept).toEqual(['a', 'b', 'c']);
    expect(guard.fold('m', 'l', 'd')).toBe(FOLDED_LABEL_VALUE);
    expect(guard.fold('m', 'l', 'e')).toBe(FOLDED_LABEL_VALUE);
    // Values seen before the cap stay themselves.
    expect(guard.fold('m', 'l', 'a')).toBe('a');
    expect(await folded('m', 'l')).toBe(2);
  });

  it('caps each metric and label separately', () => {
    for (const value of ['a', 'b', 'c']) guard.fold('m', 'first', value);
    expect(guard.fold('m', 'second', 'z')).toBe('z');
    expect(guard.fold('other_metric', 'first', 'z')).toBe('z');
  });

  it('treats a frozen label set passed on every call as any other, past the cap and within it', async () => {
    const kept = ['a', 'b', 'c'].map((value) => Object.freeze({ l: value }));
    const late = Object.freeze({ l: 'd' });
    for (let call = 0; call < 3; call += 1) {
      for (const labels of kept) expect(guard.foldLabels('m', labels)).toBe(labels);
      expect(guard.foldLabels('m', late)).toEqual({ l: FOLDED_LABEL_VALUE });
    }
    expect(await folded('m', 'l')).toBe(3);
    // A set checked whole for one metric is checked afresh for another.
    for (const value of ['x', 'y', 'z']) guard.fold('n', 'l', value);
    expect(guard.foldLabels('n', kept[0] as { l: string })).toEqual({ l: FOLDED_LABEL_VALUE });
  });

  it('bounds a counter through inc() and labels()', async () => {
    const counter = guard.bound(new Counter({ name: 'c_total', help: 'h', labelNames: ['id'], registers: [registry] }));
    for (let i = 0; i < 10; i++) counter.inc({ id: String(i) });
    counter.labels('11').inc();
    counter.labels({ id: '12' }).inc(2);
    const values = (await counter.get()).values;
    expect(values.map((v) => v.labels.id).sort()).toEqual(['0', '1', '2', FOLDED_LABEL_VALUE]);
    expect(values.find((v) => v.labels.id === FOLDED_LABEL_VALUE)?.value).toBe(7 + 1 + 2);
    // labels().inc() folds once, not twice.
    expect(await folded('c_total', 'id')).toBe(9);
  });

  it('bounds a gauge through set(), inc(), dec() and a timer', async () => {
    const gauge = guard.bound(new Gauge({ name: 'g', help: 'h', labelNames: ['id'], registers: [registry] }));
    for (let i = 0; i < 5; i++) gauge.set({ id: `s${i}` }, i);
    gauge.inc({ id: 'x' });
    gauge.dec({ id: 'y' });
    gauge.startTimer({ id: 'z' })();
    const ids = (await gauge.get()).values.map((v) => v.labels.id);
    expect(new Set(ids)).toEqual(new Set(['s0', 's1', 's2', FOLDED_LABEL_VALUE]));
  });

  it('bounds a histogram through observe(), labels(), startTimer() and zero()', async () => {
    const histogram = guard.bound(
      new Histogram({ name: 'h_seconds', help: 'h', labelNames: ['id'], buckets: [1], registers: [registry] }),
    );
    histogram.zero({ id: 'a' });
    histogram.observe({ id: 'b' }, 0.1);
    histogram.labels('c').observe(0.1);
    histogram.labels({ id: 'd' }).observe(0.1);
    histogram.startTimer({ id: 'e' })();
    histogram.zero({ id: 'f' });
    const ids = new Set((await histogram.get()).values.map((v) => v.labels.id));
    expect(ids).toEqual(new Set(['a', 'b', 'c', FOLDED_LABEL_VALUE]));
  });

  it('leaves metrics without labels alone', async () => {
    const counter = guard.bound(new Counter({ name: 'plain_total', help: 'h', registers: [registry] }));
    counter.inc();
    counter.inc(2);
    expect((await counter.get()).values[0]?.value).toBe(3);
  });
});
