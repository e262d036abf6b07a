import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROMETHEUS_RULE_PATH, prometheusRuleManifest } from '../prometheus/prometheus-rule.manifest';
import { readRuleFiles, RULES_DIR } from '../prometheus/rule-files';
import { ROOT, filesIn } from '../repository';
import type { Check } from '../runner/check';
import { exec, requireTool } from '../runner/external-tool';

export const PROMETHEUS_CHECKS: readonly Check[] = [
  {
    name: 'promtool check config prometheus/prometheus.yml',
    run: () => {
      requireTool('promtool');
      exec('promtool', ['check', 'config', 'prometheus/prometheus.yml']);
    },
  },
  {
    name: 'promtool check rules prometheus/rules/*.yml',
    run: () => {
      requireTool('promtool');
      exec('promtool', ['check', 'rules', ...filesIn(RULES_DIR, '.yml')]);
    },
  },
  {
    name: 'promtool test rules prometheus/tests/*.test.yml',
    run: () => {
      requireTool('promtool');
      const files = filesIn('prometheus/tests', '.test.yml');
      if (files.length === 0) throw new Error('no rule tests found');
      exec('promtool', ['test', 'rules', ...files]);
    },
  },
  {
    name: `${PROMETHEUS_RULE_PATH} matches prometheus/rules`,
    run: () => {
      const path = join(ROOT, PROMETHEUS_RULE_PATH);
      if (!existsSync(path) || readFileSync(path, 'utf8') !== prometheusRuleManifest(readRuleFiles()))
        throw new Error('out of date: run `pnpm check-ops --write-prometheusrule`');
    },
  },
  {
    name: 'prometheus/secrets/metrics-token is committed empty',
    run: () => {
      // Compose mounts a tmpfs over it; a real token written here would end up in git.
      if (readFileSync(join(ROOT, 'prometheus/secrets/metrics-token'), 'utf8') !== '')
        throw new Error('it must stay empty');
    },
  },
];
