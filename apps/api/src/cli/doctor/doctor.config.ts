import { z } from 'zod';
import { ConfigError } from '@qbm/config';

export const SERVICE_NAMES = ['api', 'inference', 'notifier'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface ServiceTarget {
  name: ServiceName;
  url: string;
  // A service that is not running counts against the report only when it is meant to run.
  required: boolean;
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
  // The API is always required; its default follows API_PORT.
  static fromEnvironment(env: NodeJS.ProcessEnv, options: { apiPort: number; isTty: boolean }): DoctorConfig {
    const problems: string[] = [];
    const services = SERVICE_NAMES.map((name): ServiceTarget => {
      const variable = URL_VARIABLES[name];
      const given = env[variable];
      const port = name === 'api' ? options.apiPort : DEFAULT_PORTS[name];
      if (given === undefined || given === '')
        return { name, url: `http://127.0.0.1:${port}`, required: name === 'api' };
      const parsed = httpUrl.safeParse(given);
      if (!parsed.success)
        problems.push(`${variable}: ${parsed.error.issues.map((issue) => issue.message).join(', ')}`);
      return { name, url: given.replace(/\/+$/, ''), required: true };
    });
    if (problems.length > 0) throw new ConfigError(problems);
    // https://no-color.org: any non-empty NO_COLOR turns colours off.
    return new DoctorConfig(services, options.isTty && !env.NO_COLOR);
  }
}
