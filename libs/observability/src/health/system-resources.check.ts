import { Injectable } from '@nestjs/common';
import { DiskUsageIndicator } from './disk-usage.indicator';
import { MemoryUsageIndicator } from './memory-usage.indicator';
import { CPU_WARNING_PERCENT, SystemResourcesProbe } from './system-resources.probe';
import { TerminusChecks } from './terminus-checks.service';

export interface SystemReport extends Record<string, unknown> {
  cpu_usage: string;
  memory_usage: string;
  disk_usage: string;
  status: 'healthy' | 'warning';
}

// The `system` entry of /health/detailed: CPU, memory and disk, a warning when one passes its threshold.
@Injectable()
export class SystemResourcesCheck {
  constructor(
    private readonly checks: TerminusChecks,
    private readonly memory: MemoryUsageIndicator,
    private readonly disk: DiskUsageIndicator,
    private readonly probe: SystemResourcesProbe,
  ) {}

  async report(): Promise<SystemReport> {
    const cpuPercent = this.probe.cpuUsedPercent();
    const results = await this.checks.run([() => this.memory.check('memory'), () => this.disk.check('disk')]);
    const memory = results.get('memory');
    const disk = results.get('disk');
    const warning = cpuPercent >= CPU_WARNING_PERCENT || memory?.status !== 'up' || disk?.status !== 'up';
    return {
      cpu_usage: `${cpuPercent}%`,
      memory_usage: `${String(memory?.used_percent)}%`,
      disk_usage: `${String(disk?.used_percent)}%`,
      status: warning ? 'warning' : 'healthy',
    };
  }
}
