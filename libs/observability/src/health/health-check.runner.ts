import { performance } from 'node:perf_hooks';
import { Injectable } from '@nestjs/common';
import { DEFAULT_CHECK_TIMEOUT_MS, type HealthCheck } from './health.registry';

export interface CheckOutcome {
  healthy: boolean;
  // Measured around the call, not written in.
  responseTimeMs: number;
  details: Record<string, unknown>;
  error?: string;
}

@Injectable()
export class HealthCheckRunner {
  async runAll(checks: readonly HealthCheck[]): Promise<Map<string, CheckOutcome>> {
    const outcomes = await Promise.all(checks.map(async (check) => [check.name, await this.run(check)] as const));
    return new Map(outcomes);
  }

  async run(check: HealthCheck): Promise<CheckOutcome> {
    const timeoutMs = check.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const details = await Promise.race([check.run(), timeout]);
      return { healthy: true, responseTimeMs: elapsedSince(started), details: details ?? {} };
    } catch (error: unknown) {
      const message = error instanceof Error ? error.message : String(error);
      return { healthy: false, responseTimeMs: elapsedSince(started), details: {}, error: message };
    } finally {
      clearTimeout(timer);
    }
  }
}

function elapsedSince(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
