import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_HEALTH_CACHE_MS, OBSERVABILITY_OPTIONS, type ObservabilityOptions } from '../observability-options';
import { type HealthCheck, HealthRegistry } from './health.registry';
import { RegisteredCheckIndicator } from './registered-check.indicator';
import { ShutdownState } from './shutdown-state.service';
import { SystemResourcesCheck } from './system-resources.check';
import { type IndicatorDetails, TerminusChecks } from './terminus-checks.service';

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

// Terminus runs the checks; the reports keep the shapes probes, dashboards and the doctor read.
@Injectable()
export class HealthReportService {
  private cached: { at: number; report: Promise<DetailedReport> } | undefined;
  private readonly cacheMs: number;

  constructor(
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
    private readonly registry: HealthRegistry,
    private readonly terminus: TerminusChecks,
    private readonly registered: RegisteredCheckIndicator,
    private readonly system: SystemResourcesCheck,
    private readonly shutdown: ShutdownState,
  ) {
    this.cacheMs = options.healthCacheMs ?? DEFAULT_HEALTH_CACHE_MS;
  }

  // Public: says up or down and how long each took, never why (errors are in /health/detailed).
  async readiness(): Promise<ReadinessReport> {
    const checks: ReadinessReport['checks'] = {};
    let allUp = true;
    for (const [name, result] of await this.run(this.registry.readiness())) {
      const up = result.status === 'up';
      allUp &&= up;
      checks[name] = { status: up ? 'up' : 'down', response_time_ms: responseTimeOf(result) };
    }
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
    const [results, system] = await Promise.all([this.run(this.registry.all()), this.system.report()]);
    const checks: Record<string, DetailedCheck> = {};
    let healthy = true;
    for (const [name, result] of results) {
      healthy &&= result.status === 'up';
      checks[name] = toDetailedCheck(result);
    }
    // A resource warning is reported but does not make the service unhealthy.
    checks.system = system;
    return {
      status: healthy ? 'healthy' : 'unhealthy',
      timestamp: new Date().toISOString(),
      service: this.options.service,
      version: this.options.version,
      checks,
    };
  }

  // In registration order, whatever order Terminus settles them in.
  private async run(checks: readonly HealthCheck[]): Promise<Array<[string, IndicatorDetails]>> {
    const results = await this.terminus.run(checks.map((check) => () => this.registered.check(check)));
    return checks.map((check) => [check.name, results.get(check.name) ?? { status: 'down' }]);
  }
}

function responseTimeOf(result: IndicatorDetails): number {
  return typeof result.response_time_ms === 'number' ? result.response_time_ms : 0;
}

function toDetailedCheck(result: IndicatorDetails): DetailedCheck {
  const { status, ...details } = result;
  if (status !== 'up') {
    return { status: 'unhealthy', response_time_ms: responseTimeOf(result), error: details.error as unknown };
  }
  return { ...details, status: 'healthy', response_time_ms: responseTimeOf(result) };
}
