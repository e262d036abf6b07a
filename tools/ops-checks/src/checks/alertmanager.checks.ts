import { readText } from '../repository';
import type { Check } from '../runner/check';
import { exec, requireTool } from '../runner/external-tool';

interface RouteCase {
  labels: Record<string, string>;
  receiver: string;
}

const CONFIG = 'deploy/alertmanager/alertmanager.yml';

export const ALERTMANAGER_CHECKS: readonly Check[] = [
  {
    name: `amtool check-config ${CONFIG}`,
    run: () => {
      requireTool('amtool');
      exec('amtool', ['check-config', CONFIG]);
    },
  },
  {
    name: 'alertmanager routes (deploy/test/alertmanager-routes.json)',
    run: () => {
      requireTool('amtool');
      const cases = JSON.parse(readText('deploy/test/alertmanager-routes.json')) as RouteCase[];
      for (const { labels, receiver } of cases) {
        const args = Object.entries(labels).map(([key, value]) => `${key}=${value}`);
        exec('amtool', [
          'config',
          'routes',
          'test',
          `--config.file=${CONFIG}`,
          `--verify.receivers=${receiver}`,
          ...args,
        ]);
      }
    },
  },
];
