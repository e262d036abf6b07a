import { z } from 'zod';
import { ConfigError } from '@qbm/config';

export const SERVICE_NAMES = ['api', 'inference', 'notifier'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface ServiceTarget {
  name: ServiceName;
  url: string;
  // A service that is not running counts against the report only when it is meant to run.
  required: boolean;
  // Where /health/detailed is served when it is not on `url`: the service's internal metrics port.
  opsUrl?: string;
}

const URL_VARIABLES: Record<ServiceName, string> = {
  api: 'QBM_API_URL',
  inference: 'QBM_INFERENCE_URL',
  notifier: 'QBM_NOTIFIER_URL',
};
const DEFAULT_PORTS: Record<ServiceName, number> = { api: 3000, inference: 3001, notifier: 3002 };

const httpUrl = z.string().refine(isHttpUrl, 'must be an http or https URL');

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

// Parsed once by the doctor command; the probes get these values, never the environment.
export class DoctorConfig {
  private constructor(
    readonly services: readonly ServiceTarget[],
    readonly color: boolean,
  ) {}

  // The inference and notifier services do not exist yet: unset, they are looked for but not required.
  // The API is always required; its default follows API_PORT, and with METRICS_PORT set its detailed
  // health is read on that port of the same host.
  static fromEnvironment(
    env: NodeJS.ProcessEnv,
    options: { apiPort: number; apiMetricsPort?: number; isTty: boolean },
  ): DoctorConfig {
    const problems: string[] = [];
    const services = SERVICE_NAMES.map((name): ServiceTarget => {
      const variable = URL_VARIABLES[name];
      const given = env[variable];
      const port = name === 'api' ? options.apiPort : DEFAULT_PORTS[name];
      const metricsPort = name === 'api' ? options.apiMetricsPort : undefined;
      if (given === undefined || given === '')
        return withOpsPort({ name, url: `http://127.0.0.1:${port}`, required: name === 'api' }, metricsPort);
      const parsed = httpUrl.safeParse(given);
      if (!parsed.success) {
        problems.push(`${variable}: ${parsed.error.issues.map((issue) => issue.message).join(', ')}`);
        return { name, url: given, required: true };
      }
      return withOpsPort({ name, url: given.replace(/\/+$/, ''), required: true }, metricsPort);
    });
    if (problems.length > 0) throw new ConfigError(problems);
    // https://no-color.org: any non-empty NO_COLOR turns colours off.
    return new DoctorConfig(services, options.isTty && !env.NO_COLOR);
  }
}

function withOpsPort(target: ServiceTarget, metricsPort: number | undefined): ServiceTarget {
  if (metricsPort === undefined) return target;
  const opsUrl = new URL(target.url);
  opsUrl.port = String(metricsPort);
  return { ...target, opsUrl: opsUrl.origin };
}
