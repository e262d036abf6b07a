import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type ComposeConfig, composeProblems, envExampleProblems, requiredVariables } from '../deploy/compose-services';
import { literalSecrets } from '../deploy/literal-secrets';
import { readText, ROOT } from '../repository';
import type { Check } from '../runner/check';
import { composeCommand, exec } from '../runner/external-tool';

// The stack requires these from the environment; placeholders let the file be validated.
const REQUIRED_SECRETS = [
  'JWT_SECRET',
  'POSTGRES_PASSWORD',
  'GF_SECURITY_ADMIN_PASSWORD',
  'METRICS_TOKEN',
  'NOTIFIER_WEBHOOK_TOKEN',
];

function placeholderEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of REQUIRED_SECRETS) env[name] ??= 'check-ops-placeholder-value-0123456789';
  return env;
}

export const COMPOSE_CHECKS: readonly Check[] = [
  {
    name: 'docker compose config -q',
    run: () => {
      const [command, prefix] = composeCommand();
      const env = placeholderEnvironment();
      const args = [...prefix, '-f', 'docker-compose.yml', 'config', '-q'];
      exec(command, args, { env });
      const withoutSecret = { ...env };
      delete withoutSecret.JWT_SECRET;
      const refused = spawnSync(command, args, { cwd: ROOT, env: withoutSecret, encoding: 'utf8' });
      if (refused.status === 0 && !existsSync(join(ROOT, '.env')))
        throw new Error('compose accepted a missing JWT_SECRET');
    },
  },
  {
    name: 'compose: every service, restart policies, healthchecks, autoheal, log rotation, Redis AOF',
    run: () => {
      const [command, prefix] = composeCommand();
      const resolved = exec(command, [...prefix, '-f', 'docker-compose.yml', 'config'], {
        env: placeholderEnvironment(),
      });
      const problems = composeProblems(parse(resolved) as ComposeConfig);
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  },
  {
    name: '.env.example names every required variable, with no secret in it',
    run: () => {
      const required = requiredVariables(readText('docker-compose.yml'));
      const missing = REQUIRED_SECRETS.filter((name) => !required.includes(name));
      const problems = [
        ...missing.map((name) => `docker-compose.yml no longer requires ${name}: update REQUIRED_SECRETS`),
        ...envExampleProblems(readText('.env.example'), required),
      ];
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  },
  {
    name: 'docker-compose.yml sets no secret literally',
    run: () => {
      const problems = literalSecrets(readText('docker-compose.yml'));
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  },
];
