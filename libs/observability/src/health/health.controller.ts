import { Controller, Get, HttpStatus, Inject, type OnModuleDestroy, Res, UseGuards } from '@nestjs/common';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { OpsAccessGuard } from '../metrics/ops-access.guard';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from '../observability-options';
import { PublicRoute } from '../public-route.decorator';
import { type DetailedReport, HealthReportService, type ReadinessReport } from './health-report.service';

interface StatusSettable {
  status(code: number): unknown;
}

// Probes and dashboards are clients of these shapes: change them only additively.
@Controller('health')
export class HealthController implements OnModuleDestroy {
  private readonly eventLoopDelay = monitorEventLoopDelay({ resolution: 20 });

  constructor(
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
    private readonly reports: HealthReportService,
  ) {
    this.eventLoopDelay.enable();
  }

  onModuleDestroy(): void {
    this.eventLoopDelay.disable();
  }

  @Get()
  @PublicRoute()
  health(): { status: 'healthy'; timestamp: string; version: string; service: string } {
    return {
      status: 'healthy',
      timestamp: new Date().toISOString(),
      version: this.options.version,
      service: this.options.service,
    };
  }

  // Answering at all proves the process and its event loop work; never touches a dependency.
  @Get('live')
  @PublicRoute()
  live(): { status: 'ok'; uptime_seconds: number; event_loop_delay_p99_ms: number } {
    const p99Ms = (this.eventLoopDelay.percentile(99) || 0) / 1e6;
    this.eventLoopDelay.reset();
    return {
      status: 'ok',
      uptime_seconds: Math.round(process.uptime()),
      event_loop_delay_p99_ms: Math.round(p99Ms * 100) / 100,
    };
  }

  @Get('ready')
  @PublicRoute()
  async ready(@Res({ passthrough: true }) reply: StatusSettable): Promise<ReadinessReport> {
    const report = await this.reports.readiness();
    reply.status(report.status === 'ready' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }

  // Not public: it names versions and error messages. Protected like /metrics, by the ops token or
  // the internal port, so it does not depend on the host app having an auth guard.
  @Get('detailed')
  @PublicRoute()
  @UseGuards(OpsAccessGuard)
  detailed(): Promise<DetailedReport> {
    return this.reports.detailed();
  }
}
