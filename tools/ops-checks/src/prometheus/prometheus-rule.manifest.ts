import { parse } from 'yaml';
import type { RuleFile } from './rule-files';

// deploy/k8s/prometheusrule.yaml: the same rule groups for the Prometheus Operator, generated so the
// two cannot drift (`pnpm check-ops --write-prometheusrule`). The groups are copied as text, indented
// under spec, so their comments survive; the result is parsed back to prove it holds the same groups.
export const PROMETHEUS_RULE_PATH = 'deploy/k8s/prometheusrule.yaml';

export function prometheusRuleManifest(files: readonly RuleFile[]): string {
  const out = [
    '# Generated from prometheus/rules/*.yml by `pnpm check-ops --write-prometheusrule`.',
    '# Do not edit: change the rule files and regenerate (check-ops fails while the two differ).',
    'apiVersion: monitoring.coreos.com/v1',
    'kind: PrometheusRule',
    'metadata:',
    '  name: qbm',
    '  labels:',
    '    app.kubernetes.io/name: qbm-rules',
    'spec:',
    '  groups:',
  ];
  for (const { path, text } of files) {
    const lines = text.split('\n');
    const start = lines.findIndex((line) => /^groups:\s*$/.test(line));
    if (start < 0) throw new Error(`${path} has no top-level groups:`);
    out.push(`    # ${path}`);
    for (const line of lines.slice(start + 1)) out.push(line.trim() === '' ? '' : `  ${line}`);
  }
  const manifest = `${out.join('\n').replace(/\n+$/, '')}\n`;
  const groups = (parse(manifest) as { spec?: { groups?: unknown[] } }).spec?.groups;
  const expected = files.flatMap((file) => (parse(file.text) as { groups: unknown[] }).groups);
  if (JSON.stringify(groups) !== JSON.stringify(expected))
    throw new Error('the generated PrometheusRule does not hold the rule files’ groups');
  return manifest;
}
