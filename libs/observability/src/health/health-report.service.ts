import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_HEALTH_CACHE_MS, OBSERVABILITY_OPTIONS, type ObservabilityOptions } from '../observability-options';
import { type CheckOutcome, HealthCheckRunner } from './health-check.runner';
import { HealthRegistry } from './health.registry';
import { ShutdownState } from './shutdown-state.service';
import { isWarning, SystemResourcesProbe } from './system-resources.probe';

export interface ReadinessReport {
  status: 'ready' | 'not_ready' | 'draining';
  checks: Record<string, { status: 'up' | 'down'; response_time_ms: number }>;
}

export interface DetailedCheck extends Record<string, unknown> {
  status: 'healthy' | 'unhealthy' | 'warning';
}

export interface DetailedReport {
  status: 'healthy' | 'unhealthy';
  timestamp: string;
  service: string;
  version: string;
  checks: Record<string, DetailedCheck>;
}

@Injectable()
export class HealthReportService {
  private cached: { at: number; report: Promise<DetailedReport> } | undefined;
  private readonly cacheMs: number;

  constructor(
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
    private readonly registry: HealthRegistry,
    private readonly runner: HealthCheckRunner,
    private readonly shutdown: ShutdownState,
    private readonly system: SystemResourcesProbe,
  ) {
    this.cacheMs = options.healthCacheMs ?? DEFAULT_HEALTH_CACHE_MS;
  }

  // Public: says up or down and how long each took, never why (errors are in /health/detailed).
  async readiness(): Promise<ReadinessReport> {
    const outcomes = await this.runner.runAll(this.registry.readiness());
    const checks: ReadinessReport['checks'] = {};
    for (const [name, outcome] of outcomes) {
      checks[name] = { status: outcome.healthy ? 'up' : 'down', response_time_ms: outcome.responseTimeMs };
    }
    const allUp = [...outcomes.values()].every((outcome) => outcome.healthy);
    const status = this.shutdown.isDraining ? 'draining' : allUp ? 'ready' : 'not_ready';
    return { status, checks };
  }

  // Cached for a few seconds and shared by concurrent callers, so polling it cannot load the dependencies.
  detailed(): Promise<DetailedReport> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at >= this.cacheMs) {
      const report = this.buildDetailed();
      this.cached = { at: now, report };
      report.catch(() => (this.cached = undefined));
    }
    return this.cached.report;
  }

  private async buildDetailed(): Promise<DetailedReport> {
    const [outcomes, resources] = await Promise.all([this.runner.runAll(this.registry.all()), this.system.read()]);
    const checks: Record<string, DetailedCheck> = {};
    for (const [name, outcome] of outcomes) checks[name] = toDetailedCheck(outcome);
    checks.system = {
      cpu_usage: `${resources.cpuPercent}%`,
      memory_usage: `${resources.memoryPercent}%`,
      disk_usage: `${resources.diskPercent}%`,
      status: isWarning(resources) ? 'warning' : 'healthy',
    };
    // As in the guide, a resource warning is reported but does not make the service unhealthy.
    const healthy = [...outcomes.values()].every((outcome) => outcome.healthy);
    return {
      status: healthy ? 'healthy' : 'unhealthy',
      timestamp: new Date().toISOString(),
      service: this.options.service,
      version: this.options.version,
      checks,
    };
  }
}

function toDetailedCheck(outcome: CheckOutcome): DetailedCheck {
  if (!outcome.healthy) {
    return { status: 'unhealthy', response_time_ms: outcome.responseTimeMs, error: outcome.error };
  }
  return { ...outcome.details, status: 'healthy', response_time_ms: outcome.responseTimeMs };
}
