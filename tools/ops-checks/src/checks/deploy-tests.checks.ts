import { filesIn } from '../repository';
import type { Check } from '../runner/check';
import { exec } from '../runner/external-tool';

// deploy/test/*.test.mjs: the shipped Alertmanager configuration in a real Alertmanager.
export const DEPLOY_TEST_CHECKS: readonly Check[] = [
  {
    name: 'node --test deploy/test',
    run: () => {
      exec(process.execPath, ['--test', ...filesIn('deploy/test', '.test.mjs')]);
    },
  },
];
