import { z } from 'zod';
import { EnvironmentCheck } from '../parse-environment';
import { portNumber } from '../port-number';

export const metricsBlock = {
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  METRICS_PORT: portNumber.optional(),
  METRICS_HOST: z.string().min(1).default('0.0.0.0'),
};

export type MetricsEnvironment = z.output<z.ZodObject<typeof metricsBlock>>;

export interface MetricsSettings {
  token?: string;
  port?: number;
  host: string;
}

export function metricsSettings(env: MetricsEnvironment): MetricsSettings {
  return { token: env.METRICS_TOKEN, port: env.METRICS_PORT, host: env.METRICS_HOST };
}

// In production /metrics needs a token or its own (internal) port. Only for processes that serve HTTP.
export const metricsNotPublicInProduction: EnvironmentCheck = (present) =>
  present.NODE_ENV === 'production' && !present.METRICS_TOKEN && !present.METRICS_PORT
    ? 'METRICS_TOKEN: /metrics may not be public in production: set METRICS_TOKEN or METRICS_PORT'
    : undefined;
