import { DoctorReport, worstStatus } from './doctor-report';
import { ServiceTarget } from '../config/service-targets';
import { probeGateway } from './gateway.probe';
import { probePostgres } from './postgres.probe';
import { runProbe } from './probe-runner';
import { probeQueues } from './queues.probe';
import { probeRedis } from './redis.probe';
import { probeServices } from './services.probe';
import { probeSystem } from './system.probe';

export interface DoctorSettings {
  databaseUrl: string;
  redisUrl: string;
  slowStatementMs: number;
  queues: readonly string[];
  services: readonly ServiceTarget[];
  // METRICS_TOKEN, sent to /health/detailed; null when none is configured (the endpoint is then open).
  opsToken: string | null;
  // QBM_GATEWAY_URL: the gateway is reported only when it is named.
  gatewayUrl?: string;
  timeoutMs: number;
}

// All probes at once, each under its own deadline, so the whole run takes about one timeout at worst.
export async function runDoctor(settings: DoctorSettings): Promise<DoctorReport> {
  const started = performance.now();
  const { timeoutMs } = settings;
  const sections = await Promise.all([
    runProbe('postgres', timeoutMs, (signal) =>
      probePostgres({ url: settings.databaseUrl, timeoutMs, slowStatementMs: settings.slowStatementMs }, signal),
    ),
    runProbe('redis', timeoutMs, (signal) => probeRedis({ url: settings.redisUrl, timeoutMs }, signal)),
    runProbe('queues', timeoutMs, (signal) =>
      probeQueues({ url: settings.redisUrl, timeoutMs, queues: settings.queues }, signal),
    ),
    runProbe('services', timeoutMs, (signal) =>
      probeServices(
        { services: settings.services, opsToken: settings.opsToken, requestTimeoutMs: Math.round(timeoutMs * 0.8) },
        signal,
      ),
    ),
    ...(settings.gatewayUrl === undefined
      ? []
      : [
          runProbe('gateway', timeoutMs, (signal) =>
            probeGateway({ url: settings.gatewayUrl ?? '', requestTimeoutMs: Math.round(timeoutMs * 0.8) }, signal),
          ),
        ]),
    runProbe('system', timeoutMs, (signal) => probeSystem(signal)),
  ]);
  return {
    status: worstStatus(sections.map((section) => section.status)),
    generated_at: new Date().toISOString(),
    took_ms: Math.round(performance.now() - started),
    sections,
  };
}
