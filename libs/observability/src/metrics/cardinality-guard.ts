import { Counter, Gauge, type Histogram } from 'prom-client';

export const FOLDED_LABEL_VALUE = 'other';

type LabelSet = Record<string, string | number>;
type Method = (...args: unknown[]) => unknown;
type Guardable = Counter<string> | Gauge<string> | Histogram<string>;

// Methods whose first argument may be a label set; prom-client routes its other entry points
// (startTimer, setToCurrentTime, labels().inc) through these, so folding here covers them.
const LABELLED_METHODS: Record<'counter' | 'gauge' | 'histogram', readonly string[]> = {
  counter: ['inc', 'labels'],
  gauge: ['set', 'inc', 'dec', 'labels'],
  histogram: ['observe', 'labels', 'zero'],
};

// Caps the distinct values each metric label may take. Values past the cap are recorded as
// "other" and counted in label_values_folded_total, so a flood of ids or URLs cannot blow up
// the registry or Prometheus. On the hot path (a value already seen) it allocates nothing.
export class CardinalityGuard {
  // metric name -> label name -> values kept
  private readonly seen = new Map<string, Map<string, Set<string>>>();
  // Frozen label sets found whole, per metric: callers that build a label set once and pass it on
  // every call (the HTTP metrics recorder) skip the per-label lookups. A frozen set cannot change
  // after it was checked, and a value once kept stays kept.
  private readonly whole = new Map<string, WeakSet<LabelSet>>();

  constructor(
    readonly foldedTotal: Counter<'metric' | 'label'>,
    private readonly cap: number,
  ) {}

  fold(metric: string, label: string, value: string): string {
    if (value === FOLDED_LABEL_VALUE) return value;
    const values = this.valuesOf(metric, label);
    if (values.has(value)) return value;
    if (values.size < this.cap) {
      values.add(value);
      return value;
    }
    this.foldedTotal.inc({ metric, label });
    return FOLDED_LABEL_VALUE;
  }

  foldLabels(metric: string, labels: LabelSet): LabelSet {
    const frozen = Object.isFrozen(labels);
    if (frozen && this.whole.get(metric)?.has(labels)) return labels;
    let folded: LabelSet | undefined;
    for (const label in labels) {
      const raw = labels[label];
      const value = typeof raw === 'string' ? raw : String(raw);
      const kept = this.fold(metric, label, value);
      if (kept !== value) {
        folded ??= { ...labels };
        folded[label] = kept;
      }
    }
    if (folded) return folded;
    if (frozen) this.wholeOf(metric).add(labels);
    return labels;
  }

  private wholeOf(metric: string): WeakSet<LabelSet> {
    let sets = this.whole.get(metric);
    if (!sets) {
      sets = new WeakSet();
      this.whole.set(metric, sets);
    }
    return sets;
  }

  // Wraps the metric's labelled entry points in place and returns it.
  bound<M extends Guardable>(metric: M): M {
    const target = metric as unknown as Record<string, Method> & { name: string; labelNames: string[] };
    if (target.labelNames.length === 0) return metric;
    const type = metric instanceof Counter ? 'counter' : metric instanceof Gauge ? 'gauge' : 'histogram';
    const name = target.name;
    for (const methodName of LABELLED_METHODS[type]) {
      const call = (target[methodName] as Method).bind(metric);
      // Two fixed parameters rather than a rest array: these run on every request.
      target[methodName] =
        methodName === 'labels'
          ? (...args: unknown[]) => call(this.foldLabels(name, toLabelSet(target.labelNames, args)))
          : (first: unknown, second: unknown) => call(isLabelSet(first) ? this.foldLabels(name, first) : first, second);
    }
    return metric;
  }

  private valuesOf(metric: string, label: string): Set<string> {
    let labels = this.seen.get(metric);
    if (!labels) {
      labels = new Map();
      this.seen.set(metric, labels);
    }
    let values = labels.get(label);
    if (!values) {
      values = new Set();
      labels.set(label, values);
    }
    return values;
  }
}

function isLabelSet(value: unknown): value is LabelSet {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// labels('GET', '/x') and labels({ method: 'GET', endpoint: '/x' }) are both legal in prom-client.
function toLabelSet(labelNames: string[], args: unknown[]): LabelSet {
  if (args.length === 1 && isLabelSet(args[0])) return args[0];
  const labels: LabelSet = {};
  labelNames.forEach((name, index) => {
    const value = args[index];
    if (typeof value === 'string' || typeof value === 'number') labels[name] = value;
  });
  return labels;
}
