import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
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

export const COMPOSE_CHECKS: readonly Check[] = [
  {
    name: 'docker compose config -q',
    run: () => {
      const [command, prefix] = composeCommand();
      const env: NodeJS.ProcessEnv = { ...process.env };
      for (const name of REQUIRED_SECRETS) env[name] ??= 'check-ops-placeholder-value-0123456789';
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
    name: 'docker-compose.yml sets no secret literally',
    run: () => {
      const problems = literalSecrets(readText('docker-compose.yml'));
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  },
];
