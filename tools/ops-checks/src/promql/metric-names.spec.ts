import { metricNamesIn, metricNamesInVariableQuery, unknownMetrics } from './metric-names';

const names = (expr: string): string[] => [...metricNamesIn(expr)].sort();

describe('metric names in PromQL', () => {
  it('are not functions, keywords, label lists, matchers, ranges or variables', () => {
    expect(
      names(
        'histogram_quantile(0.95, sum by (service, le) (rate(api_request_duration_seconds_bucket{service=~"$service",endpoint!="/x"}[$__rate_interval])))',
      ),
    ).toEqual(['api_request_duration_seconds_bucket']);
    expect(names('time() - max by (queue) (queue_worker_last_active_timestamp_seconds)')).toEqual([
      'queue_worker_last_active_timestamp_seconds',
    ]);
    expect(
      names('a_total / on (service) group_left (version) b_info > 0.5 and ignoring(x) c unless bool d offset 5m'),
    ).toEqual(['a_total', 'b_info', 'c', 'd']);
    expect(names('count(ALERTS{alertstate="firing"}) or vector(1e3)')).toEqual(['ALERTS']);
    expect(names('rate(x[5m:1m])')).toEqual(['x']);
  });

  it('in variable queries: label_values reads only its selector', () => {
    expect([...metricNamesInVariableQuery('label_values(qbm_build_info, service)')]).toEqual(['qbm_build_info']);
    expect([...metricNamesInVariableQuery('label_values(up{job="api"}, instance)')]).toEqual(['up']);
    expect([...metricNamesInVariableQuery('label_values(service)')]).toEqual([]);
  });

  it('an unknown one is reported, histogram series of a known one are not', () => {
    const known = new Set(['api_request_duration_seconds', 'up']);
    expect(
      unknownMetrics(
        [
          { where: 'rules.yml', expr: 'sum(rate(api_request_duration_seconds_count[5m])) + up', variable: false },
          { where: 'rules.yml', expr: 'rate(api_reqs_total[5m])', variable: false },
        ],
        known,
      ),
    ).toEqual(['rules.yml: unknown metric api_reqs_total']);
  });
});
