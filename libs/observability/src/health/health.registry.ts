import { Injectable } from '@nestjs/common';

export interface HealthCheck {
  // Key under `checks` in /health/ready and /health/detailed: 'database', 'redis', 'queues'...
  name: string;
  // Readiness checks gate traffic; the others only appear in /health/detailed.
  readiness: boolean;
  // Keep it below the probe's own timeout (Kubernetes defaults to 1 s).
  timeoutMs?: number;
  // Throws (or rejects) when unhealthy; a returned record is shown beside the status.
  run: () => Promise<Record<string, unknown> | void>;
}

export const DEFAULT_CHECK_TIMEOUT_MS = 800;

// /health/detailed reports CPU, memory and disk under this key.
const RESERVED_NAMES = new Set(['system']);

@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();

  register(check: HealthCheck): void {
    if (RESERVED_NAMES.has(check.name)) throw new Error(`Health check name "${check.name}" is reserved`);
    if (this.checks.has(check.name)) throw new Error(`Health check "${check.name}" is already registered`);
    this.checks.set(check.name, check);
  }

  all(): HealthCheck[] {
    return [...this.checks.values()];
  }

  readiness(): HealthCheck[] {
    return this.all().filter((check) => check.readiness);
  }
}
