import { Inject, Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from '../observability-options';
import type { CatalogueMetric } from './metric-catalogue';

// qbm_build_info{service,version} 1: dashboards join on it to show what is deployed.
@Injectable()
export class BuildInfoMetric {
  constructor(
    @InjectMetric('qbm_build_info') buildInfo: CatalogueMetric<'qbm_build_info'>,
    @Inject(OBSERVABILITY_OPTIONS) options: ObservabilityOptions,
  ) {
    buildInfo.set({ service: options.service, version: options.version }, 1);
  }
}
