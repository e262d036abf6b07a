import { PlantedAnomaly } from '../simulation/anomaly-planter';

// Event recall (a planted anomaly counts as found when any step within `tolerance` of its labelled
// span is flagged) and point precision (a flag is right when it lies within `tolerance` of a label).
export class DetectionAccuracy {
  private events = 0;
  private found = 0;
  private flags = 0;
  private rightFlags = 0;
  readonly byKind = new Map<string, { events: number; found: number }>();

  constructor(private readonly tolerance = 2) {}

  add(anomalies: readonly PlantedAnomaly[], flaggedSteps: readonly number[]): void {
    const near = (step: number, a: PlantedAnomaly): boolean =>
      step >= a.start - this.tolerance && step <= a.end + this.tolerance;
    for (const anomaly of anomalies) {
      const hit = flaggedSteps.some((step) => near(step, anomaly));
      this.events += 1;
      if (hit) this.found += 1;
      const kind = this.byKind.get(anomaly.kind) ?? { events: 0, found: 0 };
      this.byKind.set(anomaly.kind, { events: kind.events + 1, found: kind.found + (hit ? 1 : 0) });
    }
    this.flags += flaggedSteps.length;
    this.rightFlags += flaggedSteps.filter((step) => anomalies.some((a) => near(step, a))).length;
  }

  summary(): { precision: number; recall: number; f1: number; events: number; flags: number } {
    const precision = this.flags > 0 ? this.rightFlags / this.flags : 0;
    const recall = this.events > 0 ? this.found / this.events : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { precision, recall, f1, events: this.events, flags: this.flags };
  }
}
