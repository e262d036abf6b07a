import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { Registry } from 'prom-client';
import { PublicRoute } from '../public-route.decorator';
import { OpsAccessGuard } from './ops-access.guard';

// Registered through PrometheusModule's `controller` option, which mounts it at /metrics. It serves
// the app's own registry; willsoto's default controller serves prom-client's process-wide one.
@Controller()
export class MetricsController {
  constructor(private readonly registry: Registry) {}

  // Public to the app's user authentication; protected by the ops token or port instead.
  @Get()
  @PublicRoute()
  @UseGuards(OpsAccessGuard)
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}
