import { parseArgs } from 'node:util';
import { ORGANIZATION_SLUG, Role, ROLES, TokenService } from '@qbm/http';
import { CliUsageError } from '../cli-usage.error';
import { CliConfig } from '../config/cli.config';

export const TOKEN_USAGE = 'qbm token --org <slug> --role <viewer|editor|admin> [--sub <name>] [--ttl <hours>]';

// Mints a bearer token the services accept (HS256 with JWT_SECRET), for operators and the demo.
export function tokenCommand(config: CliConfig, argv: string[]): string {
  const values = parseOptions(argv);
  const problems: string[] = [];
  if (!values.org || !ORGANIZATION_SLUG.test(values.org))
    problems.push('--org must be a slug (a-z, 0-9, -; 2..63 characters)');
  if (!values.role || !(ROLES as readonly string[]).includes(values.role))
    problems.push(`--role must be one of ${ROLES.join(', ')}`);
  const hours = values.ttl === undefined ? 12 : Number(values.ttl);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 90) problems.push('--ttl must be hours between 0 and 2160');
  if (problems.length > 0) throw new CliUsageError(TOKEN_USAGE, problems);
  const org = values.org as string;
  const role = values.role as Role;
  return new TokenService(config.jwt).sign(
    { organizationId: org, role, subject: values.sub ?? `${role}@${org}` },
    Math.round(hours * 3600),
  );
}

function parseOptions(argv: string[]): { org?: string; role?: string; sub?: string; ttl?: string } {
  try {
    return parseArgs({
      args: argv,
      options: { org: { type: 'string' }, role: { type: 'string' }, sub: { type: 'string' }, ttl: { type: 'string' } },
      strict: true,
    }).values;
  } catch (error) {
    throw new CliUsageError(TOKEN_USAGE, [error instanceof Error ? error.message : String(error)]);
  }
}
