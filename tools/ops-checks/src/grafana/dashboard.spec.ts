import { knownMetrics } from '../metrics/known-metrics';
import { unknownMetrics } from '../promql/metric-names';
import { readText } from '../repository';
import { dashboardLayoutProblems } from './dashboard-layout';
import { type Dashboard, dashboardQueries } from './dashboard-queries';

describe('the Grafana dashboard checks', () => {
  it('find queries in nested panels and variables, and report unknown metrics with where they are', () => {
    const known = new Set(['api_request_duration_seconds', 'up']);
    const dashboard: Dashboard = {
      panels: [
        { type: 'row', title: 'r', panels: [{ title: 'nested', targets: [{ expr: 'rate(api_reqs_total[5m])' }] }] },
        { title: 'ok', targets: [{ expr: 'sum(rate(api_request_duration_seconds_count[5m])) + up' }] },
      ],
      templating: { list: [{ type: 'query', name: 'service', query: { query: 'label_values(nope_info, service)' } }] },
    };
    expect(unknownMetrics(dashboardQueries(dashboard), known)).toEqual([
      'panel/nested: unknown metric api_reqs_total',
      'variable/service: unknown metric nope_info',
    ]);
  });

  it('report duplicate ids, overlaps (edges may touch), removed panel types and a missing datasource', () => {
    const ds = { uid: 'p' };
    expect(
      dashboardLayoutProblems({
        panels: [
          { id: 1, title: 'a', type: 'timeseries', datasource: ds, gridPos: { x: 0, y: 0, w: 12, h: 8 } },
          { id: 1, title: 'b', type: 'graph', datasource: ds, gridPos: { x: 6, y: 4, w: 12, h: 8 } },
          { id: 3, title: 'c', type: 'stat', gridPos: { x: 0, y: 8, w: 6, h: 4 } },
        ],
      }),
    ).toEqual([
      'duplicate panel id 1',
      '"b" uses the removed panel type graph',
      '"c" has no datasource',
      '"a" overlaps "b"',
    ]);
  });

  it('pass on the shipped dashboard', () => {
    const dashboard = JSON.parse(readText('grafana/dashboards/qbm-overview.json')) as Dashboard;
    expect(dashboardLayoutProblems(dashboard)).toEqual([]);
    expect(unknownMetrics(dashboardQueries(dashboard), knownMetrics())).toEqual([]);
  });
});
