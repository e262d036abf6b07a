import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export const FOLDED_LABEL_VALUE = 'other';

type LabelSet = Record<string, string | number>;
type Method = (...args: unknown[]) => unknown;
type Guardable = Counter<string> | Gauge<string> | Histogram<string>;

// Methods whose first argument may be a label set; prom-client routes its other entry points
// (startTimer, setToCurrentTime, labels().inc) through these, so folding here covers them.
const LABELLED_METHODS: Record<string, readonly string[]> = {
  counter: ['inc', 'labels'],
  gauge: ['set', 'inc', 'dec', 'labels'],
  histogram: ['observe', 'labels', 'zero'],
};

// Caps the distinct values each metric label may take. Values past the cap are recorded as
// "other" and counted in label_values_folded_total, so a flood of ids or URLs cannot blow up
// the registry or Prometheus.
export class CardinalityGuard {
  readonly foldedTotal: Counter<'metric' | 'label'>;
  private readonly seen = new Map<string, Set<string>>();

  constructor(
    registry: Registry,
    private readonly cap: number,
  ) {
    this.foldedTotal = new Counter({
      name: 'label_values_folded_total',
      help: 'Label values replaced by "other" because the label reached its distinct-value cap',
      labelNames: ['metric', 'label'],
      registers: [registry],
    });
  }

  fold(metric: string, label: string, value: string): string {
    if (value === FOLDED_LABEL_VALUE) return value;
    const key = `${metric}\u0000${label}`;
    let values = this.seen.get(key);
    if (!values) {
      values = new Set();
      this.seen.set(key, values);
    }
    if (values.has(value)) return value;
    if (values.size < this.cap) {
      values.add(value);
      return value;
    }
    this.foldedTotal.inc({ metric, label });
    return FOLDED_LABEL_VALUE;
  }

  foldLabels(metric: string, labels: LabelSet): LabelSet {
    let folded: LabelSet | undefined;
    for (const [label, raw] of Object.entries(labels)) {
      const value = String(raw);
      const kept = this.fold(metric, label, value);
      if (kept !== value) {
        folded ??= { ...labels };
        folded[label] = kept;
      }
    }
    return folded ?? labels;
  }

  // Wraps the metric's labelled entry points in place and returns it.
  bound<M extends Guardable>(metric: M): M {
    const target = metric as unknown as Record<string, Method> & { name: string; labelNames: string[] };
    const type = metric instanceof Counter ? 'counter' : metric instanceof Gauge ? 'gauge' : 'histogram';
    for (const methodName of LABELLED_METHODS[type] ?? []) {
      const original = target[methodName];
      if (typeof original !== 'function') continue;
      const call = original.bind(metric);
      target[methodName] =
        methodName === 'labels'
          ? (...args: unknown[]) => call(this.foldLabels(target.name, toLabelSet(target.labelNames, args)))
          : (first: unknown, ...rest: unknown[]) =>
              call(isLabelSet(first) ? this.foldLabels(target.name, first) : first, ...rest);
    }
    return metric;
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
