import { Injectable, Logger } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { CardinalityGuard } from '../metrics/cardinality-guard';
import type { CatalogueMetric } from '../metrics/metric-catalogue';

interface Outage {
  since: number;
  errors: number;
}

// Turns a stream of per-call dependency failures into one error line when an outage starts, one line
// when it ends, and a counter in between, so an outage under load cannot flood the log.
@Injectable()
export class DependencyOutages {
  private readonly logger = new Logger('DependencyOutages');
  private readonly outages = new Map<string, Outage>();

  constructor(
    @InjectMetric('dependency_errors_total') private readonly errorsTotal: CatalogueMetric<'dependency_errors_total'>,
    guard: CardinalityGuard,
  ) {
    guard.bound(errorsTotal);
  }

  // A call to `dependency` failed for `reason` (a short stable word: unreachable, timeout, pool_exhausted...).
  failed(dependency: string, reason: string, error?: unknown): void {
    this.errorsTotal.inc({ dependency, reason });
    const outage = this.outages.get(dependency);
    if (outage) {
      outage.errors += 1;
      return;
    }
    this.outages.set(dependency, { since: Date.now(), errors: 1 });
    const cause = error instanceof Error ? error.message : undefined;
    this.logger.error({ dependency, reason, cause }, `${dependency} unavailable (${reason}): outage started`);
  }

  // A call to `dependency` that started at `startedAt` (epoch ms) succeeded: ends its outage, if one
  // was open. A call already under way when the outage began proves nothing (its answer may have
  // left before the cut), and ending on it would log the same outage twice. Cheap on the hot path.
  succeeded(dependency: string, startedAt: number): void {
    if (this.outages.size === 0) return;
    const outage = this.outages.get(dependency);
    if (!outage || startedAt <= outage.since) return;
    this.outages.delete(dependency);
    const seconds = Math.round((Date.now() - outage.since) / 100) / 10;
    this.logger.log({ dependency, seconds, errors: outage.errors }, `${dependency} available again after ${seconds} s`);
  }

  isDown(dependency: string): boolean {
    return this.outages.has(dependency);
  }
}
