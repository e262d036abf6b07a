import { performance } from 'node:perf_hooks';
import { Injectable } from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { DEFAULT_CHECK_TIMEOUT_MS, type HealthCheck } from './health.registry';
import { withTimeout } from './with-timeout';

// A registered check as a Terminus indicator: run under its timeout, its response time measured
// around the call (not written in), and its error kept for /health/detailed.
@Injectable()
export class RegisteredCheckIndicator {
  constructor(private readonly indicators: HealthIndicatorService) {}

  async check(check: HealthCheck): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(check.name);
    const started = performance.now();
    try {
      const details = await withTimeout(check.run(), check.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS, check.name);
      return indicator.up({ ...withoutStatus(details ?? {}), response_time_ms: elapsedSince(started) });
    } catch (error: unknown) {
      const message = error instanceof Error ? error.message : String(error);
      return indicator.down({ response_time_ms: elapsedSince(started), error: message });
    }
  }
}

// Terminus owns `status`; a check's own field of that name would be overwritten anyway.
function withoutStatus(details: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...details };
  delete copy.status;
  return copy;
}

function elapsedSince(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
