import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALERTMANAGER_CHECKS } from './checks/alertmanager.checks';
import { COMPOSE_CHECKS } from './checks/compose.checks';
import { DEPLOY_TEST_CHECKS } from './checks/deploy-tests.checks';
import { KUBERNETES_CHECKS } from './checks/kubernetes.checks';
import { METRICS_CHECKS } from './checks/metrics.checks';
import { PROMETHEUS_CHECKS } from './checks/prometheus.checks';
import { RUNBOOK_CHECKS } from './checks/runbook.checks';
import { PROMETHEUS_RULE_PATH, prometheusRuleManifest } from './prometheus/prometheus-rule.manifest';
import { readRuleFiles } from './prometheus/rule-files';
import { ROOT } from './repository';
import { runChecks } from './runner/check-runner';

// `pnpm check-ops [--strict] [--write-prometheusrule]`: the operations files, checked. A missing tool
// (promtool, amtool, docker compose, kubectl) is a skip, or a failure with --strict (or QBM_OPS_STRICT=1,
// as CI runs it). Exits 1 on any failure.
function main(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  if (argv.includes('--write-prometheusrule')) {
    writeFileSync(join(ROOT, PROMETHEUS_RULE_PATH), prometheusRuleManifest(readRuleFiles()));
    process.stdout.write(`wrote ${PROMETHEUS_RULE_PATH}\n`);
    return 0;
  }
  const strict = argv.includes('--strict') || env.QBM_OPS_STRICT === '1';
  const totals = runChecks(
    [
      ...PROMETHEUS_CHECKS,
      ...ALERTMANAGER_CHECKS,
      ...COMPOSE_CHECKS,
      ...KUBERNETES_CHECKS,
      ...METRICS_CHECKS,
      ...RUNBOOK_CHECKS,
      ...DEPLOY_TEST_CHECKS,
    ],
    strict,
    (text) => void process.stdout.write(text),
  );
  return totals.failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2), process.env);
