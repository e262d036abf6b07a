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
export function metricNamesIn(expr: string): Set<string> {
  const stripped = expr
    .replace(/\$\{[^}]*\}|\$\w+/g, '1')
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\boffset\s+-?\w+/g, ' ');
  const names = new Set<string>();
  for (const m of stripped.matchAll(/(\d+(?:\.\d+)?(?:e[+-]?\d+)?)|([A-Za-z_:][A-Za-z0-9_:]*)(\s*\()?/gi)) {
    const name = m[2];
    if (!name || m[3] || PROMQL_KEYWORDS.has(name.toLowerCase())) continue;
    names.add(name);
  }
  return names;
}

// Grafana variable queries: label_values(<selector>, label) reads the selector's metric only.
export function metricNamesInVariableQuery(query: string): Set<string> {
  const labelValues = /^\s*label_values\((.*),\s*[A-Za-z_]\w*\s*\)\s*$/s.exec(query);
  if (labelValues?.[1] !== undefined) return metricNamesIn(labelValues[1]);
  if (/^\s*label_values\(\s*[A-Za-z_]\w*\s*\)\s*$/.test(query)) return new Set();
  return metricNamesIn(query.replace(/^\s*query_result\((.*)\)\s*$/s, '$1'));
}

// A histogram's _bucket, _sum and _count series are known when the histogram is.
export function isKnownMetric(name: string, known: ReadonlySet<string>): boolean {
  return known.has(name) || (HISTOGRAM_SUFFIX.test(name) && known.has(name.replace(HISTOGRAM_SUFFIX, '')));
}

export interface Query {
  // Where the query is, for the report: a rule file, `panel/<title>` or `variable/<name>`.
  where: string;
  expr: string;
  variable: boolean;
}

export function unknownMetrics(queries: readonly Query[], known: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const { where, expr, variable } of queries) {
    const names = variable ? metricNamesInVariableQuery(expr) : metricNamesIn(expr);
    for (const name of names) if (!isKnownMetric(name, known)) problems.push(`${where}: unknown metric ${name}`);
  }
  return problems;
}
