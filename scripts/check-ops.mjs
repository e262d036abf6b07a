#!/usr/bin/env node
// Checks the operations files: Prometheus config, rules and their unit tests, Alertmanager config
// and routing, docker compose, the Kubernetes kustomization, the runbook links, and that every
// query in the rules and the Grafana dashboard names a metric some QBM service really exports.
// Node built-ins only. Prints one line per check and "N passed, N failed, N skipped"; exits 1 on
// any failure. A missing tool (promtool, amtool, docker compose, kubectl) is a skip, or a failure
// with --strict (or QBM_OPS_STRICT=1).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

// The metric catalogue of libs/observability, as data from its build (`pnpm build` first): the
// library's METRIC_CATALOGUE drives its metric providers, so this list cannot drift from them.
const OBSERVABILITY_DIST = join(ROOT, 'libs/observability/dist/index.js');
let catalogue;

export function metricCatalogue() {
  if (!catalogue) {
    if (!existsSync(OBSERVABILITY_DIST))
      throw new Error(`${relative(ROOT, OBSERVABILITY_DIST)} is missing: build @qbm/observability first (pnpm build)`);
    catalogue = createRequire(import.meta.url)(OBSERVABILITY_DIST).METRIC_CATALOGUE;
    if (!Array.isArray(catalogue)) throw new Error('@qbm/observability exports no METRIC_CATALOGUE array');
  }
  return catalogue;
}

// Problems with the catalogue's entries, as Prometheus and the rules need them.
export function catalogueProblems(entries) {
  const problems = [];
  const seen = new Set();
  for (const entry of entries) {
    const { name, type, help, labels, buckets } = entry;
    if (typeof name !== 'string' || !/^[a-z_][a-z0-9_]*$/.test(name)) problems.push(`bad name ${String(name)}`);
    if (seen.has(name)) problems.push(`${name} is declared twice`);
    seen.add(name);
    if (!['counter', 'gauge', 'histogram'].includes(type)) problems.push(`${name}: unknown type ${String(type)}`);
    if (typeof help !== 'string' || help === '') problems.push(`${name}: no help text`);
    if (!Array.isArray(labels)) problems.push(`${name}: labels is not a list`);
    else if (labels.some((label) => label === 'le' || label === 'job'))
      problems.push(`${name}: "le" and "job" are Prometheus's own labels`);
    if ((type === 'counter') !== name.endsWith('_total')) problems.push(`${name}: only counters end in _total`);
    if (type === 'histogram' && !(Array.isArray(buckets) && buckets.length > 0))
      problems.push(`${name}: a histogram needs buckets`);
  }
  return problems;
}

// prom-client's collectDefaultMetrics (v15), as the API serves them.
export const NODE_DEFAULT_METRICS = [
  'process_cpu_user_seconds_total',
  'process_cpu_system_seconds_total',
  'process_cpu_seconds_total',
  'process_start_time_seconds',
  'process_resident_memory_bytes',
  'process_virtual_memory_bytes',
  'process_heap_bytes',
  'process_open_fds',
  'process_max_fds',
  'nodejs_eventloop_lag_seconds',
  'nodejs_eventloop_lag_min_seconds',
  'nodejs_eventloop_lag_max_seconds',
  'nodejs_eventloop_lag_mean_seconds',
  'nodejs_eventloop_lag_stddev_seconds',
  'nodejs_eventloop_lag_p50_seconds',
  'nodejs_eventloop_lag_p90_seconds',
  'nodejs_eventloop_lag_p99_seconds',
  'nodejs_active_resources',
  'nodejs_active_resources_total',
  'nodejs_active_handles',
  'nodejs_active_handles_total',
  'nodejs_active_requests',
  'nodejs_active_requests_total',
  'nodejs_heap_size_total_bytes',
  'nodejs_heap_size_used_bytes',
  'nodejs_external_memory_bytes',
  'nodejs_heap_space_size_total_bytes',
  'nodejs_heap_space_size_used_bytes',
  'nodejs_heap_space_size_available_bytes',
  'nodejs_version_info',
  'nodejs_gc_duration_seconds',
];

// Series Prometheus makes itself (up, ALERTS) and the blackbox exporter's readiness probe.
export const PROMETHEUS_METRICS = [
  'up',
  'ALERTS',
  'ALERTS_FOR_STATE',
  'probe_success',
  'probe_duration_seconds',
  'probe_http_status_code',
];

const HISTOGRAM_SUFFIX = /_(bucket|sum|count)$/;
const PROMQL_KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'atan2',
  'inf',
  'nan',
]);

// The metric names a PromQL expression reads (Grafana variables allowed). Not a parser: strings,
// label matchers, ranges and label lists are removed, then every bare identifier not followed by
// "(" is a metric name.
export function metricNamesIn(expr) {
  const stripped = expr
    .replace(/\$\{[^}]*\}|\$\w+/g, '1')
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\boffset\s+-?\w+/g, ' ');
  const names = new Set();
  for (const m of stripped.matchAll(/(\d+(?:\.\d+)?(?:e[+-]?\d+)?)|([A-Za-z_:][A-Za-z0-9_:]*)(\s*\()?/gi)) {
    if (!m[2] || m[3] || PROMQL_KEYWORDS.has(m[2].toLowerCase())) continue;
    names.add(m[2]);
  }
  return names;
}

// Grafana variable queries: label_values(<selector>, label) reads the selector's metric only.
export function metricNamesInVariableQuery(query) {
  const labelValues = /^\s*label_values\((.*),\s*[A-Za-z_]\w*\s*\)\s*$/s.exec(query);
  if (labelValues) return metricNamesIn(labelValues[1]);
  if (/^\s*label_values\(\s*[A-Za-z_]\w*\s*\)\s*$/.test(query)) return new Set();
  return metricNamesIn(query.replace(/^\s*query_result\((.*)\)\s*$/s, '$1'));
}

export function isKnownMetric(name, known) {
  return known.has(name) || (HISTOGRAM_SUFFIX.test(name) && known.has(name.replace(HISTOGRAM_SUFFIX, '')));
}

// Values of `key:` in a YAML file, single-line or block scalars (| or >). Enough for rule files.
export function yamlValues(text, key) {
  const lines = text.split('\n');
  const values = [];
  const keyLine = new RegExp(`^(\\s*)(?:- )?${key}:\\s*(.*)$`);
  for (let i = 0; i < lines.length; i++) {
    const m = keyLine.exec(lines[i]);
    if (!m) continue;
    const indent = m[1].length;
    const inline = m[2].replace(/\s+#.*$/, '').trim();
    if (!/^[|>][+-]?$/.test(inline)) {
      values.push(inline.replace(/^'(.*)'$/s, '$1').replace(/^"(.*)"$/s, '$1'));
      continue;
    }
    const block = [];
    while (i + 1 < lines.length && (lines[i + 1].trim() === '' || lines[i + 1].search(/\S/) > indent))
      block.push(lines[++i]);
    values.push(block.join('\n').trim());
  }
  return values;
}

// Every target expression and variable query of a dashboard, with a path naming where it is.
export function dashboardQueries(dashboard) {
  const found = [];
  const visit = (panels, where) => {
    for (const panel of panels ?? []) {
      const name = `${where}/${panel.title ?? panel.type}`;
      for (const target of panel.targets ?? [])
        if (typeof target.expr === 'string') found.push({ where: name, expr: target.expr, variable: false });
      visit(panel.panels, where);
    }
  };
  visit(dashboard.panels, 'panel');
  for (const variable of dashboard.templating?.list ?? []) {
    if (variable.type !== 'query') continue;
    const query = typeof variable.query === 'string' ? variable.query : variable.query?.query;
    if (query) found.push({ where: `variable/${variable.name}`, expr: query, variable: true });
  }
  return found;
}

export function unknownMetrics(queries, known) {
  const problems = [];
  for (const { where, expr, variable } of queries) {
    const names = variable ? metricNamesInVariableQuery(expr) : metricNamesIn(expr);
    for (const name of names) if (!isKnownMetric(name, known)) problems.push(`${where}: unknown metric ${name}`);
  }
  return problems;
}

function allPanels(panels) {
  return (panels ?? []).flatMap((p) => [p, ...allPanels(p.panels)]);
}

// Layout mistakes that hand edits make: duplicate ids, panels drawn over each other.
export function dashboardLayoutProblems(dashboard) {
  const problems = [];
  const panels = allPanels(dashboard.panels);
  const ids = new Set();
  for (const p of panels) {
    if (ids.has(p.id)) problems.push(`duplicate panel id ${p.id}`);
    ids.add(p.id);
    if (p.type === 'graph' || p.type === 'singlestat')
      problems.push(`"${p.title}" uses the removed panel type ${p.type}`);
    if (p.type !== 'row' && !p.datasource) problems.push(`"${p.title}" has no datasource`);
  }
  const boxes = panels.filter((p) => p.gridPos);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].gridPos;
      const b = boxes[j].gridPos;
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) {
        problems.push(`"${boxes[i].title}" overlaps "${boxes[j].title}"`);
      }
    }
  }
  return problems;
}

// GitHub's heading anchors, for "## AlertName" headings.
export function headingAnchors(markdown) {
  return new Set(
    [...markdown.matchAll(/^#{1,6}\s+(.+?)\s*$/gm)].map((m) =>
      m[1]
        .toLowerCase()
        .replace(/[^\w\- ]/g, '')
        .replace(/ /g, '-'),
    ),
  );
}

// A variable whose name says secret must come from the environment, never be written in the file.
export function literalSecrets(composeText) {
  const problems = [];
  for (const [i, line] of composeText.split('\n').entries()) {
    const m = /^\s*-?\s*([A-Z0-9_]*(?:SECRET|PASSWORD|TOKEN|_KEY)[A-Z0-9_]*)\s*[:=]\s*(.*)$/.exec(line);
    if (m && m[2].trim() !== '' && !/^['"]?\$\{/.test(m[2].trim()))
      problems.push(`line ${i + 1}: ${m[1]} is set to a literal`);
  }
  return problems;
}

function readRuleFiles() {
  const dir = join(ROOT, 'prometheus/rules');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
}

// deploy/k8s/prometheusrule.yaml: the same rule groups for the Prometheus Operator, generated so
// the two cannot drift (`node scripts/check-ops.mjs --write-prometheusrule`).
export const PROMETHEUS_RULE_PATH = 'deploy/k8s/prometheusrule.yaml';

export function prometheusRuleManifest() {
  const out = [
    '# Generated from prometheus/rules/*.yml by `node scripts/check-ops.mjs --write-prometheusrule`.',
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
  for (const { file, text } of readRuleFiles()) {
    const lines = text.split('\n');
    const start = lines.findIndex((line) => /^groups:\s*$/.test(line));
    if (start < 0) throw new Error(`${relative(ROOT, file)} has no top-level groups:`);
    out.push(`    # ${relative(ROOT, file)}`);
    for (const line of lines.slice(start + 1)) out.push(line.trim() === '' ? '' : `  ${line}`);
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

export function knownMetrics() {
  const recorded = readRuleFiles().flatMap(({ text }) => yamlValues(text, 'record'));
  const catalogued = metricCatalogue().map((metric) => metric.name);
  return new Set([...catalogued, ...NODE_DEFAULT_METRICS, ...PROMETHEUS_METRICS, ...recorded]);
}

// ---------------------------------------------------------------------------------------------

class Skip extends Error {}

function tool(command, versionArgs = ['--version']) {
  const probe = spawnSync(command, versionArgs, { encoding: 'utf8' });
  return probe.error === undefined && probe.status === 0;
}

function exec(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}\n${output}`);
  }
  return result.stdout;
}

function requireTool(command, versionArgs) {
  if (!tool(command, versionArgs)) throw new Skip(`${command} not found`);
}

function filesIn(dir, suffix) {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => join(dir, f));
}

function composeCommand() {
  if (tool('docker', ['compose', 'version'])) return ['docker', ['compose']];
  if (tool('docker-compose', ['version'])) return ['docker-compose', []];
  throw new Skip('neither `docker compose` (the Compose plugin) nor docker-compose is installed');
}

const checks = [
  [
    'promtool check config prometheus/prometheus.yml',
    () => {
      requireTool('promtool');
      exec('promtool', ['check', 'config', 'prometheus/prometheus.yml']);
    },
  ],
  [
    'promtool check rules prometheus/rules/*.yml',
    () => {
      requireTool('promtool');
      exec('promtool', ['check', 'rules', ...filesIn('prometheus/rules', '.yml')]);
    },
  ],
  [
    'promtool test rules prometheus/tests/*.test.yml',
    () => {
      requireTool('promtool');
      const files = filesIn('prometheus/tests', '.test.yml');
      if (files.length === 0) throw new Error('no rule tests found');
      exec('promtool', ['test', 'rules', ...files]);
    },
  ],
  [
    'amtool check-config deploy/alertmanager/alertmanager.yml',
    () => {
      requireTool('amtool');
      exec('amtool', ['check-config', 'deploy/alertmanager/alertmanager.yml']);
    },
  ],
  [
    'alertmanager routes (deploy/test/alertmanager-routes.json)',
    () => {
      requireTool('amtool');
      const cases = JSON.parse(readFileSync(join(ROOT, 'deploy/test/alertmanager-routes.json'), 'utf8'));
      for (const { labels, receiver } of cases) {
        const args = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
        exec('amtool', [
          'config',
          'routes',
          'test',
          '--config.file=deploy/alertmanager/alertmanager.yml',
          `--verify.receivers=${receiver}`,
          ...args,
        ]);
      }
    },
  ],
  [
    'docker compose config -q',
    () => {
      const [command, prefix] = composeCommand();
      // The stack requires these from the environment; placeholders let the file be validated.
      const env = { ...process.env };
      for (const name of [
        'JWT_SECRET',
        'POSTGRES_PASSWORD',
        'GF_SECURITY_ADMIN_PASSWORD',
        'METRICS_TOKEN',
        'NOTIFIER_WEBHOOK_TOKEN',
      ])
        env[name] ??= 'check-ops-placeholder-value-0123456789';
      exec(command, [...prefix, '-f', 'docker-compose.yml', 'config', '-q'], { env });
      const withoutSecret = { ...env };
      delete withoutSecret.JWT_SECRET;
      const refused = spawnSync(command, [...prefix, '-f', 'docker-compose.yml', 'config', '-q'], {
        cwd: ROOT,
        env: withoutSecret,
        encoding: 'utf8',
      });
      if (refused.status === 0 && !existsSync(join(ROOT, '.env')))
        throw new Error('compose accepted a missing JWT_SECRET');
    },
  ],
  [
    'prometheus/secrets/metrics-token is committed empty',
    () => {
      // Compose mounts a tmpfs over it; a real token written here would end up in git.
      if (readFileSync(join(ROOT, 'prometheus/secrets/metrics-token'), 'utf8') !== '')
        throw new Error('it must stay empty');
    },
  ],
  [
    'docker-compose.yml sets no secret literally',
    () => {
      const problems = literalSecrets(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'));
      if (problems.length) throw new Error(problems.join('\n'));
    },
  ],
  [
    'kubectl kustomize deploy/k8s',
    () => {
      requireTool('kubectl', ['version', '--client']);
      const rendered = exec('kubectl', ['kustomize', 'deploy/k8s']);
      const kinds = new Set([...rendered.matchAll(/^kind:\s*(\S+)/gm)].map((m) => m[1]));
      for (const kind of [
        'Deployment',
        'Service',
        'Job',
        'PodDisruptionBudget',
        'HorizontalPodAutoscaler',
        'ServiceMonitor',
      ]) {
        if (!kinds.has(kind)) throw new Error(`no ${kind} in the rendered manifests`);
      }
      if (kinds.has('Secret'))
        throw new Error('the manifests must not carry a Secret (qbm-secrets is created out of band)');
    },
  ],
  [
    `${PROMETHEUS_RULE_PATH} matches prometheus/rules`,
    () => {
      const path = join(ROOT, PROMETHEUS_RULE_PATH);
      if (!existsSync(path) || readFileSync(path, 'utf8') !== prometheusRuleManifest()) {
        throw new Error('out of date: run `node scripts/check-ops.mjs --write-prometheusrule`');
      }
    },
  ],
  [
    'k8s grace period outlasts preStop + SHUTDOWN_GRACE_MS',
    () => {
      const text = readFileSync(join(ROOT, 'deploy/k8s/api-deployment.yaml'), 'utf8');
      const grace = Number(/terminationGracePeriodSeconds:\s*(\d+)/.exec(text)?.[1]);
      const preStop = Number(/command:\s*\[\s*["']?sleep["']?\s*,\s*["']?(\d+)/.exec(text)?.[1]);
      const shutdownMs = Number(/name:\s*SHUTDOWN_GRACE_MS\s*\n\s*value:\s*["']?(\d+)/.exec(text)?.[1]);
      if (![grace, preStop, shutdownMs].every(Number.isFinite))
        throw new Error('could not read the grace period, preStop sleep and SHUTDOWN_GRACE_MS');
      if (grace * 1000 <= preStop * 1000 + shutdownMs)
        throw new Error(`terminationGracePeriodSeconds ${grace} <= preStop ${preStop} s + ${shutdownMs} ms`);
    },
  ],
  [
    'rules read only known metrics',
    () => {
      const known = knownMetrics();
      const problems = readRuleFiles().flatMap(({ file, text }) =>
        unknownMetrics(
          yamlValues(text, 'expr').map((expr) => ({ where: relative(ROOT, file), expr, variable: false })),
          known,
        ),
      );
      if (problems.length) throw new Error(problems.join('\n'));
    },
  ],
  [
    'every alert has a runbook section and a working anchor',
    () => {
      const anchors = headingAnchors(readFileSync(join(ROOT, 'deploy/runbooks.md'), 'utf8'));
      const problems = [];
      for (const { file, text } of readRuleFiles()) {
        for (const alert of yamlValues(text, 'alert'))
          if (!anchors.has(alert.toLowerCase())) problems.push(`${alert}: no "## ${alert}" in deploy/runbooks.md`);
        for (const url of yamlValues(text, 'runbook_url')) {
          const anchor = /^deploy\/runbooks\.md#(.+)$/.exec(url)?.[1];
          if (!anchor || !anchors.has(anchor))
            problems.push(`${relative(ROOT, file)}: runbook_url ${url} leads nowhere`);
        }
      }
      if (problems.length) throw new Error(problems.join('\n'));
    },
  ],
  [
    'grafana dashboard parses and is laid out',
    () => {
      const dashboard = JSON.parse(readFileSync(join(ROOT, 'grafana/dashboards/qbm-overview.json'), 'utf8'));
      const problems = dashboardLayoutProblems(dashboard);
      if (dashboard.title !== 'QBM AI System Monitoring') problems.push(`title is "${dashboard.title}"`);
      if (!(dashboard.schemaVersion >= 36))
        problems.push(`schemaVersion ${dashboard.schemaVersion} is older than Grafana 9`);
      if (!dashboard.templating?.list?.some((v) => v.name === 'service')) problems.push('no `service` variable');
      const provisioned = readFileSync(join(ROOT, 'grafana/provisioning/datasources/prometheus.yml'), 'utf8');
      const dsDefault = dashboard.templating?.list?.find((v) => v.type === 'datasource')?.current?.value;
      if (dsDefault && !new RegExp(`uid:\\s*${dsDefault}\\b`).test(provisioned))
        problems.push(`datasource uid ${dsDefault} is not provisioned`);
      if (problems.length) throw new Error(problems.join('\n'));
    },
  ],
  [
    'grafana dashboard queries read only known metrics',
    () => {
      const dashboard = JSON.parse(readFileSync(join(ROOT, 'grafana/dashboards/qbm-overview.json'), 'utf8'));
      const queries = dashboardQueries(dashboard);
      if (queries.length < 10) throw new Error(`only ${queries.length} queries found`);
      const problems = unknownMetrics(queries, knownMetrics());
      if (problems.length) throw new Error(problems.join('\n'));
    },
  ],
  [
    'libs/observability metric catalogue loads from its build and is well-formed',
    () => {
      const entries = metricCatalogue();
      if (entries.length < 20) throw new Error(`only ${entries.length} metrics in the catalogue`);
      const problems = catalogueProblems(entries);
      if (problems.length) throw new Error(problems.join('\n'));
    },
  ],
  [
    'node --test deploy/test',
    () => {
      exec(process.execPath, ['--test', ...filesIn('deploy/test', '.test.mjs')]);
    },
  ],
];

function main() {
  if (process.argv.includes('--write-prometheusrule')) {
    writeFileSync(join(ROOT, PROMETHEUS_RULE_PATH), prometheusRuleManifest());
    process.stdout.write(`wrote ${PROMETHEUS_RULE_PATH}\n`);
    return;
  }
  const strict = process.argv.includes('--strict') || process.env.QBM_OPS_STRICT === '1';
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const [name, check] of checks) {
    try {
      check();
      passed++;
      process.stdout.write(`ok    ${name}\n`);
    } catch (error) {
      if (error instanceof Skip && !strict) {
        skipped++;
        process.stdout.write(`skip  ${name}: ${error.message}\n`);
      } else {
        failed++;
        const message = error instanceof Error ? error.message : String(error);
        process.stdout.write(`FAIL  ${name}\n${message.replace(/^/gm, '      ')}\n`);
      }
    }
  }
  process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  process.exitCode = failed > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
