import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import {
  type HealthCheckResult,
  HealthCheckService,
  type HealthIndicatorFunction,
  type HealthIndicatorResult,
} from '@nestjs/terminus';

export type IndicatorDetails = HealthIndicatorResult[string];

// Runs indicators through Terminus's HealthCheckService and returns every indicator's result.
// Terminus throws a 503 carrying the results when one is down (or shutdown began); the endpoints
// answer in their own shapes, so that exception is read, not passed on.
@Injectable()
export class TerminusChecks {
  constructor(private readonly health: HealthCheckService) {}

  async run(indicators: HealthIndicatorFunction[]): Promise<Map<string, IndicatorDetails>> {
    let result: HealthCheckResult;
    try {
      result = await this.health.check(indicators);
    } catch (error: unknown) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      result = error.getResponse() as HealthCheckResult;
    }
    return new Map(Object.entries(result.details));
  }
}
