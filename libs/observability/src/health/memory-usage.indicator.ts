import { Injectable } from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { MEMORY_WARNING_PERCENT, SystemResourcesProbe } from './system-resources.probe';

// The host's memory in use against the 80 % threshold. Terminus's own MemoryHealthIndicator
// measures this process's heap against a byte count, which says nothing about the host.
@Injectable()
export class MemoryUsageIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly probe: SystemResourcesProbe,
  ) {}

  async check(key: string, thresholdPercent = MEMORY_WARNING_PERCENT): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    const usedPercent = await this.probe.memoryUsedPercent();
    const details = { used_percent: usedPercent, threshold_percent: thresholdPercent };
    return usedPercent < thresholdPercent ? indicator.up(details) : indicator.down(details);
  }
}
