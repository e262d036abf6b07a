import { METRIC_CATALOGUE } from '@qbm/observability';
import { parse } from 'yaml';
import { dashboardLayoutProblems } from '../grafana/dashboard-layout';
import { type Dashboard, dashboardQueries } from '../grafana/dashboard-queries';
import { catalogueProblems } from '../metrics/catalogue-problems';
import { knownMetrics } from '../metrics/known-metrics';
import { unknownMetrics } from '../promql/metric-names';
import { readRuleFiles } from '../prometheus/rule-files';
import { readText } from '../repository';
import type { Check } from '../runner/check';

const DASHBOARD = 'grafana/dashboards/qbm-overview.json';

function readDashboard(): Dashboard {
  return JSON.parse(readText(DASHBOARD)) as Dashboard;
}

export const METRICS_CHECKS: readonly Check[] = [
  {
    name: 'rules read only known metrics',
    run: () => {
      const known = knownMetrics();
      const problems = readRuleFiles().flatMap(({ path, rules }) =>
        unknownMetrics(
          rules.map((rule) => ({ where: path, expr: rule.expr, variable: false })),
          known,
        ),
      );
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  },
  {
    name: 'grafana dashboard parses and is laid out',
    run: () => {
      const dashboard = readDashboard();
      const problems = dashboardLayoutProblems(dashboard);
      if (dashboard.title !== 'QBM AI System Monitoring') problems.push(`title is "${dashboard.title ?? ''}"`);
      if (!((dashboard.schemaVersion ?? 0) >= 36))
        problems.push(`schemaVersion ${String(dashboard.schemaVersion)} is older than Grafana 9`);
      const variables = dashboard.templating?.list ?? [];
      if (!variables.some((variable) => variable.name === 'service')) problems.push('no `service` variable');
      const provisioned = parse(readText('grafana/provisioning/datasources/prometheus.yml')) as {
        datasources?: Array<{ uid?: string }>;
      };
      const dsDefault = variables.find((variable) => variable.type === 'datasource')?.current?.value;
      if (typeof dsDefault === 'string' && !provisioned.datasources?.some((source) => source.uid === dsDefault))
        problems.push(`datasource uid ${dsDefault} is not provisioned`);
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  },
  {
    name: 'grafana dashboard queries read only known metrics',
    run: () => {
      const queries = dashboardQueries(readDashboard());
      if (queries.length < 10) throw new Error(`only ${queries.length} queries found`);
      const problems = unknownMetrics(queries, knownMetrics());
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  },
  {
    name: 'the @qbm/observability metric catalogue is well-formed',
    run: () => {
      if (METRIC_CATALOGUE.length < 20) throw new Error(`only ${METRIC_CATALOGUE.length} metrics in the catalogue`);
      const problems = catalogueProblems(METRIC_CATALOGUE);
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  },
];
