import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { ensureTestDatabase } from '@qbm/testing';
import { paths } from '../harness/repository-paths';
import { ServiceProcess } from '../harness/service-process';
import { baseEnvironment, inferenceEnvironment, suiteDatabaseUrl, suiteModelDir } from '../harness/suite-environment';

// First start of the inference service: trains its base models (about a minute on two loaded cores).
const FIRST_START_TIMEOUT_MS = 300_000;

// Once per run: the suite's database, migrated by each service's own CLI from dist/ (as the
// migration Jobs do), the API's first, then the notifier's and the inference service's; then the
// inference service started once on its own so that it trains or rebuilds the base models into the
// suite's model directory (nothing to do when a previous run left them there and in the registry),
// and no spec's suite trains while it waits.
export default async function globalSetup(): Promise<void> {
  for (const entry of [paths.apiCli, paths.notifierCli, paths.inferenceCli, paths.inferenceEntry])
    if (!existsSync(entry)) throw new Error(`${entry} is missing: build the services first (pnpm build)`);
  await ensureTestDatabase(suiteDatabaseUrl());
  for (const cli of [paths.apiCli, paths.notifierCli, paths.inferenceCli])
    execFileSync(process.execPath, [cli, 'migrate'], {
      env: baseEnvironment(),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  mkdirSync(suiteModelDir(), { recursive: true });
  const inference = await ServiceProcess.start({
    name: 'inference',
    entry: paths.inferenceEntry,
    prefix: 'INFERENCE',
    env: inferenceEnvironment(),
    readyTimeoutMs: FIRST_START_TIMEOUT_MS,
  });
  await inference.stop();
}
