import { knownMetrics } from '../metrics/known-metrics';
import { unknownMetrics } from '../promql/metric-names';
import { PROMETHEUS_RULE_PATH, prometheusRuleManifest } from './prometheus-rule.manifest';
import { parseRuleFile, readRuleFiles, recordedSeries } from './rule-files';
import { readText } from '../repository';

const RULES = [
  'groups:',
  '  - name: g',
  '    rules:',
  '      # a comment the generated manifest keeps',
  '      - alert: A',
  '        expr: up == 0',
  '        annotations:',
  '          runbook_url: deploy/runbooks.md#a',
  '      - record: r:x',
  '        expr: |',
  '          sum(a)',
  '            / sum(b)',
  '',
].join('\n');

describe('rule files, read with a YAML parser', () => {
  it('yield every rule with its expression, block scalars included', () => {
    const file = parseRuleFile('rules.yml', RULES);
    expect(file.rules.map((rule) => rule.expr)).toEqual(['up == 0', 'sum(a)\n  / sum(b)\n']);
    expect(file.rules[0]?.annotations?.runbook_url).toBe('deploy/runbooks.md#a');
    expect(recordedSeries([file])).toEqual(['r:x']);
    expect(() => parseRuleFile('bad.yml', 'rules: []')).toThrow('bad.yml has no top-level groups:');
  });

  it('become a PrometheusRule with the same groups and their comments', () => {
    const manifest = prometheusRuleManifest([parseRuleFile('prometheus/rules/x.yml', RULES)]);
    expect(manifest).toContain('    # prometheus/rules/x.yml\n    - name: g\n');
    expect(manifest).toContain('        # a comment the generated manifest keeps\n');
  });

  it('the shipped rules read only known metrics, recording rules count as known, and the manifest is current', () => {
    const files = readRuleFiles();
    const problems = files.flatMap(({ path, rules }) =>
      unknownMetrics(
        rules.map((rule) => ({ where: path, expr: rule.expr, variable: false })),
        knownMetrics(),
      ),
    );
    expect(problems).toEqual([]);
    expect(knownMetrics().has('service:api_requests_5xx:ratio_rate5m')).toBe(true);
    expect(readText(PROMETHEUS_RULE_PATH)).toBe(prometheusRuleManifest(files));
  });
});
