import { METRIC_CATALOGUE } from '@qbm/observability';
import { catalogueProblems } from './catalogue-problems';

describe('catalogue problems', () => {
  it('none in the @qbm/observability catalogue, which names the series the rules need', () => {
    const names = METRIC_CATALOGUE.map((metric) => metric.name as string);
    for (const name of [
      'api_requests_total',
      'db_connection_pool_max',
      'queue_worker_restarts_total',
      'notifications_total',
    ])
      expect(names).toContain(name);
    expect(catalogueProblems(METRIC_CATALOGUE)).toEqual([]);
  });

  it('names, duplicates, types, reserved labels, _total and buckets', () => {
    expect(
      catalogueProblems([
        { name: 'ok_total', type: 'counter', help: 'h', labels: ['a'] },
        { name: 'ok_total', type: 'counter', help: 'h', labels: [] },
        { name: 'Bad-Name', type: 'gauge', help: 'h', labels: [] },
        { name: 'jobs', type: 'summary', help: '', labels: ['job'] },
        { name: 'depth_total', type: 'gauge', help: 'h', labels: [] },
        { name: 'latency_seconds', type: 'histogram', help: 'h', labels: ['le'] },
      ]),
    ).toEqual([
      'ok_total is declared twice',
      'bad name Bad-Name',
      'jobs: unknown type summary',
      'jobs: no help text',
      'jobs: "le" and "job" are Prometheus\'s own labels',
      'depth_total: only counters end in _total',
      'latency_seconds: "le" and "job" are Prometheus\'s own labels',
      'latency_seconds: a histogram needs buckets',
    ]);
  });
});
