import { Injectable } from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { DISK_WARNING_PERCENT, SystemResourcesProbe } from './system-resources.probe';

// Disk in use under `path` against the 90 % threshold, read with statfs (Terminus's
// DiskHealthIndicator spawns `df` on every call).
@Injectable()
export class DiskUsageIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly probe: SystemResourcesProbe,
  ) {}

  async check(key: string, path = '/', thresholdPercent = DISK_WARNING_PERCENT): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    const usedPercent = await this.probe.diskUsedPercent(path);
    const details = { used_percent: usedPercent, threshold_percent: thresholdPercent };
    return usedPercent < thresholdPercent ? indicator.up(details) : indicator.down(details);
  }
}
