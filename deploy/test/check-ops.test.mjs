// Unit tests of scripts/check-ops.mjs: the checks must be able to fail.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  ROOT,
  catalogueProblems,
  dashboardLayoutProblems,
  dashboardQueries,
  headingAnchors,
  knownMetrics,
  literalSecrets,
  metricCatalogue,
  metricNamesIn,
  metricNamesInVariableQuery,
  unknownMetrics,
  yamlValues,
} from '../../scripts/check-ops.mjs';

const names = (expr) => [...metricNamesIn(expr)].sort();

test('metric names: functions, keywords, label lists, matchers, ranges and variables are not metrics', () => {
  assert.deepEqual(
    names(
      'histogram_quantile(0.95, sum by (service, le) (rate(api_request_duration_seconds_bucket{service=~"$service",endpoint!="/x"}[$__rate_interval])))',
    ),
    ['api_request_duration_seconds_bucket'],
  );
  assert.deepEqual(names('time() - max by (queue) (queue_worker_last_active_timestamp_seconds)'), [
    'queue_worker_last_active_timestamp_seconds',
  ]);
  assert.deepEqual(
    names('a_total / on (service) group_left (version) b_info > 0.5 and ignoring(x) c unless bool d offset 5m'),
    ['a_total', 'b_info', 'c', 'd'],
  );
  assert.deepEqual(names('count(ALERTS{alertstate="firing"}) or vector(1e3)'), ['ALERTS']);
  assert.deepEqual(names('rate(x[5m:1m])'), ['x']);
});

test('variable queries: label_values reads only its selector', () => {
  assert.deepEqual([...metricNamesInVariableQuery('label_values(qbm_build_info, service)')], ['qbm_build_info']);
  assert.deepEqual([...metricNamesInVariableQuery('label_values(up{job="api"}, instance)')], ['up']);
  assert.deepEqual([...metricNamesInVariableQuery('label_values(service)')], []);
});

test('an unknown metric in a dashboard is reported, histogram series of a known one are not', () => {
  const known = new Set(['api_request_duration_seconds', 'up']);
  const dashboard = {
    panels: [
      { type: 'row', title: 'r', panels: [{ title: 'nested', targets: [{ expr: 'rate(api_reqs_total[5m])' }] }] },
      { title: 'ok', targets: [{ expr: 'sum(rate(api_request_duration_seconds_count[5m])) + up' }] },
    ],
    templating: { list: [{ type: 'query', name: 'service', query: { query: 'label_values(nope_info, service)' } }] },
  };
  assert.deepEqual(unknownMetrics(dashboardQueries(dashboard), known), [
    'panel/nested: unknown metric api_reqs_total',
    'variable/service: unknown metric nope_info',
  ]);
});

test('layout problems: duplicate ids, overlaps (edges may touch), removed panel types, missing datasource', () => {
  const ds = { uid: 'p' };
  const problems = dashboardLayoutProblems({
    panels: [
      { id: 1, title: 'a', type: 'timeseries', datasource: ds, gridPos: { x: 0, y: 0, w: 12, h: 8 } },
      { id: 1, title: 'b', type: 'graph', datasource: ds, gridPos: { x: 6, y: 4, w: 12, h: 8 } },
      { id: 3, title: 'c', type: 'stat', gridPos: { x: 0, y: 8, w: 6, h: 4 } },
    ],
  });
  assert.deepEqual(problems, [
    'duplicate panel id 1',
    '"b" uses the removed panel type graph',
    '"c" has no datasource',
    '"a" overlaps "b"',
  ]);
});

test('yaml values: inline and block scalars', () => {
  const text = [
    '- alert: A',
    '  expr: up == 0',
    '- record: r:x',
    '  expr: |',
    '    sum(a)',
    '      / sum(b)',
    '  for: 5m',
  ].join('\n');
  assert.deepEqual(yamlValues(text, 'expr'), ['up == 0', 'sum(a)\n      / sum(b)']);
  assert.deepEqual(yamlValues(text, 'record'), ['r:x']);
});

test('literal secrets in compose are caught, interpolations are not', () => {
  assert.deepEqual(
    literalSecrets(
      "  JWT_SECRET: ${JWT_SECRET:?set it}\n  POSTGRES_PASSWORD: hunter2\n  METRICS_TOKEN: '${METRICS_TOKEN:-}'",
    ),
    ['line 2: POSTGRES_PASSWORD is set to a literal'],
  );
});

test('runbook anchors follow GitHub slugs', () => {
  assert.ok(headingAnchors('# Runbooks\n\n## HighErrorRate\n').has('higherrorrate'));
});

test('the real dashboard and rules pass the metric check', () => {
  const dashboard = JSON.parse(readFileSync(join(ROOT, 'grafana/dashboards/qbm-overview.json'), 'utf8'));
  assert.deepEqual(unknownMetrics(dashboardQueries(dashboard), knownMetrics()), []);
  assert.ok(knownMetrics().has('service:api_requests_5xx:ratio_rate5m'), 'recording rules are known metrics');
});

test('the metric catalogue comes from the built library and is well-formed', () => {
  const names = metricCatalogue().map((metric) => metric.name);
  for (const name of [
    'api_requests_total',
    'db_connection_pool_max',
    'queue_worker_restarts_total',
    'notifications_total',
  ])
    assert.ok(names.includes(name), `${name} is catalogued`);
  assert.deepEqual(catalogueProblems(metricCatalogue()), []);
});

test('catalogue problems: names, duplicates, types, reserved labels, _total and buckets', () => {
  assert.deepEqual(
    catalogueProblems([
      { name: 'ok_total', type: 'counter', help: 'h', labels: ['a'] },
      { name: 'ok_total', type: 'counter', help: 'h', labels: [] },
      { name: 'Bad-Name', type: 'gauge', help: 'h', labels: [] },
      { name: 'jobs', type: 'summary', help: '', labels: ['job'] },
      { name: 'depth_total', type: 'gauge', help: 'h', labels: [] },
      { name: 'latency_seconds', type: 'histogram', help: 'h', labels: ['le'] },
    ]),
    [
      'ok_total is declared twice',
      'bad name Bad-Name',
      'jobs: unknown type summary',
      'jobs: no help text',
      'jobs: "le" and "job" are Prometheus\'s own labels',
      'depth_total: only counters end in _total',
      'latency_seconds: "le" and "job" are Prometheus\'s own labels',
      'latency_seconds: a histogram needs buckets',
    ],
  );
});
