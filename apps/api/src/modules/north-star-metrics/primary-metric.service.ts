import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MetricHealthService } from './metric-health.service';
import { NorthStarMetricsRepository } from './north-star-metrics.repository';

// At most one primary metric per organisation (a partial unique index backs this up). Promoting a metric
// demotes the previous primary in the same transaction and recomputes its health, whose importance drops.
@Injectable()
export class PrimaryMetricService {
  constructor(
    private readonly metrics: NorthStarMetricsRepository,
    private readonly health: MetricHealthService,
  ) {}

  // Take before locking any metric row, so promotions and ingests always lock in the same order.
  lock(manager: EntityManager, organizationId: string): Promise<void> {
    return this.metrics.lockPrimaryFlag(manager, organizationId);
  }

  async demoteOthers(manager: EntityManager, organizationId: string, keepId: string | null): Promise<void> {
    const previous = await this.metrics.findOtherPrimaryForUpdate(manager, organizationId, keepId);
    if (!previous) return;
    previous.isPrimary = false;
    await this.health.refresh(manager, previous);
    await this.metrics.save(manager, previous);
  }
}
