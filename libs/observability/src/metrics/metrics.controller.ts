import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { PublicRoute } from '../public-route.decorator';
import { MetricsCatalogue } from './metrics-catalogue.service';
import { MetricsTokenGuard } from './metrics-token.guard';

@Controller('metrics')
export class MetricsController {
  constructor(private readonly catalogue: MetricsCatalogue) {}

  // Public to the app's user authentication; protected by the metrics token instead.
  @Get()
  @PublicRoute()
  @UseGuards(MetricsTokenGuard)
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return this.catalogue.metrics();
  }
}
