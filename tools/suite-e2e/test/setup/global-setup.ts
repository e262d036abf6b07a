import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureTestDatabase } from '@qbm/testing';
import { paths } from '../harness/repository-paths';
import { baseEnvironment, suiteDatabaseUrl } from '../harness/suite-environment';

// Once per run: the suite's database, migrated by each service's own CLI from dist/ (as the
// migration Jobs do), the API's first, then the notifier's.
export default async function globalSetup(): Promise<void> {
  for (const entry of [paths.apiCli, paths.notifierCli])
    if (!existsSync(entry)) throw new Error(`${entry} is missing: build the services first (pnpm build)`);
  await ensureTestDatabase(suiteDatabaseUrl());
  for (const cli of [paths.apiCli, paths.notifierCli])
    execFileSync(process.execPath, [cli, 'migrate'], {
      env: baseEnvironment(),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
}
