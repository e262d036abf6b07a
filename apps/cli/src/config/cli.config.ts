import { resolve } from 'node:path';
import {
  databaseBlock,
  databaseSettings,
  type DatabaseSettings,
  type EnvironmentSource,
  jwtBlock,
  jwtKeyRequired,
  jwtSettings,
  type JwtSettings,
  metricsBlock,
  nodeEnvBlock,
  parseEnvironment,
  redisBlock,
} from '@qbm/config';
import { z } from 'zod';
import { serviceTargets, type ServiceTarget } from './service-targets';

const httpUrl = z.string().refine(isHttpUrl, 'must be an http or https URL');
const port = z.coerce.number().int().min(1).max(65535);

const schema = z.object({
  ...nodeEnvBlock,
  ...databaseBlock,
  ...redisBlock,
  ...jwtBlock,
  ...metricsBlock,
  API_PORT: port.default(3000),
  INFERENCE_PORT: port.default(3001),
  NOTIFIER_PORT: port.default(3002),
  QBM_API_URL: httpUrl.optional(),
  QBM_API_OPS_URL: httpUrl.optional(),
  QBM_INFERENCE_URL: httpUrl.optional(),
  QBM_INFERENCE_OPS_URL: httpUrl.optional(),
  QBM_NOTIFIER_URL: httpUrl.optional(),
  QBM_NOTIFIER_OPS_URL: httpUrl.optional(),
  // The gateway users reach the suite through (deploy/gateway); doctor reports it when set.
  QBM_GATEWAY_URL: httpUrl.optional(),
  // https://no-color.org: any non-empty NO_COLOR turns colours off.
  NO_COLOR: z.string().optional(),
});

type CliEnvironment = z.output<typeof schema>;

// What a command needs beyond the common variables: `token` signs, so it needs a JWT key.
export type CliNeeds = 'jwt';

// Parsed once per run, every bad variable named at once. Nothing else in the CLI reads process.env;
// the app CLIs it dispatches to get the environment as it was and parse their own.
export class CliConfig {
  readonly database: DatabaseSettings;
  readonly redisUrl: string;
  readonly jwt: JwtSettings;
  // METRICS_TOKEN: the ops token every service accepts for /health/detailed.
  readonly opsToken: string | null;
  readonly services: readonly ServiceTarget[];
  readonly gatewayUrl?: string;
  readonly noColor: boolean;
  // The repository the app CLIs are found in (apps/<app>/dist/cli/main.js).
  readonly root: string;

  private constructor(e: CliEnvironment, root: string) {
    this.database = databaseSettings(e);
    this.redisUrl = e.REDIS_URL;
    this.jwt = jwtSettings(e);
    this.opsToken = e.METRICS_TOKEN ?? null;
    this.services = serviceTargets(
      {
        api: { url: e.QBM_API_URL, opsUrl: e.QBM_API_OPS_URL, port: e.API_PORT },
        inference: { url: e.QBM_INFERENCE_URL, opsUrl: e.QBM_INFERENCE_OPS_URL, port: e.INFERENCE_PORT },
        notifier: { url: e.QBM_NOTIFIER_URL, opsUrl: e.QBM_NOTIFIER_OPS_URL, port: e.NOTIFIER_PORT },
      },
      e.METRICS_PORT,
    );
    this.gatewayUrl = e.QBM_GATEWAY_URL?.replace(/\/+$/, '');
    this.noColor = e.NO_COLOR !== undefined;
    this.root = root;
  }

  static fromEnvironment(source: EnvironmentSource, needs: readonly CliNeeds[] = []): CliConfig {
    const checks = needs.includes('jwt') ? [jwtKeyRequired] : [];
    // apps/cli/dist/config (or src/config under jest): four directories below the repository root.
    return new CliConfig(parseEnvironment(schema, source, checks), resolve(__dirname, '../../../..'));
  }
}

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}
