import { DoctorSection, FigureRow } from './doctor-report';
import { ServiceTarget } from '../config/service-targets';
import { SectionVerdict } from './section-verdict';
import { readServiceHealth, ServiceHealth } from './service-health.reader';

export interface ServicesProbeOptions {
  services: readonly ServiceTarget[];
  // Each request's own deadline, below the section's so one slow service cannot hide the others.
  requestTimeoutMs: number;
  opsToken: string | null;
}

// Every service's /health/ready and /health/detailed, side by side.
export async function probeServices(options: ServicesProbeOptions, signal: AbortSignal): Promise<DoctorSection> {
  const healths = await Promise.all(
    options.services.map((target) =>
      readServiceHealth(target, { timeoutMs: options.requestTimeoutMs, signal, opsToken: options.opsToken }),
    ),
  );
  const verdict = new SectionVerdict();
  const notes: string[] = [];
  for (const health of healths) judge(health, verdict, notes);
  const running = healths.filter((h) => h.state !== 'not running').map((h) => h.target.name);
  return verdict.section('services', `${running.join(', ') || 'none'} ready`, {
    figures: {
      services: healths.length,
      ready: healths.filter((h) => h.state === 'ready').length,
      not_running: healths.filter((h) => h.state === 'not running').length,
    },
    tables: { services: healths.map(toRow) },
    notes,
  });
}

function judge(health: ServiceHealth, verdict: SectionVerdict, notes: string[]): void {
  const { name, url, required } = health.target;
  const problem = describeProblem(health);
  if (health.state === 'not running' && !required) {
    notes.push(`${name} is not running at ${url}: not counted, as QBM_${name.toUpperCase()}_URL is not set`);
    return;
  }
  if (health.state !== 'ready') {
    // Running but unwell is a problem even for a service that is not required.
    const message = `${name} ${health.state} at ${url}${problem ? `: ${problem}` : ''}`;
    if (required || health.state !== 'no answer') verdict.failIf(true, message);
    else verdict.warnIf(true, message);
    return;
  }
  verdict.warnIf(problem !== '', `${name}: ${problem}`);
}

function describeProblem(health: ServiceHealth): string {
  const parts: string[] = [];
  if (health.error) parts.push(health.error);
  if (health.downChecks.length > 0) parts.push(`${health.downChecks.join(', ')} down`);
  if (health.detailed && 'unavailable' in health.detailed)
    parts.push(`/health/detailed unavailable (${health.detailed.unavailable})`);
  else if (health.detailed && health.detailed.problems.length > 0) parts.push(health.detailed.problems.join(', '));
  return parts.join('; ');
}

function toRow(health: ServiceHealth): FigureRow {
  const detailed = health.detailed;
  return {
    service: health.target.name,
    url: health.target.url,
    required: health.target.required,
    state: health.state,
    http_status: health.httpStatus,
    ready_ms: health.readyMs,
    detailed:
      detailed === null ? null : 'unavailable' in detailed ? `unavailable: ${detailed.unavailable}` : detailed.status,
    version: detailed !== null && 'version' in detailed ? detailed.version : null,
  };
}
