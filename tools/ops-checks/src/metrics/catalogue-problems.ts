// The fields of a metric catalogue entry the checks read; loose on purpose, so a bad entry is reported
// instead of failing to type.
export interface CatalogueEntry {
  name: unknown;
  type: unknown;
  help: unknown;
  labels: unknown;
  buckets?: unknown;
}

// Problems with the catalogue's entries, as Prometheus and the rules need them.
export function catalogueProblems(entries: readonly CatalogueEntry[]): string[] {
  const problems: string[] = [];
  const seen = new Set<unknown>();
  for (const { name, type, help, labels, buckets } of entries) {
    const label = String(name);
    if (typeof name !== 'string' || !/^[a-z_][a-z0-9_]*$/.test(name)) problems.push(`bad name ${label}`);
    if (seen.has(name)) problems.push(`${label} is declared twice`);
    seen.add(name);
    if (type !== 'counter' && type !== 'gauge' && type !== 'histogram')
      problems.push(`${label}: unknown type ${String(type)}`);
    if (typeof help !== 'string' || help === '') problems.push(`${label}: no help text`);
    if (!Array.isArray(labels)) problems.push(`${label}: labels is not a list`);
    else if (labels.some((l) => l === 'le' || l === 'job'))
      problems.push(`${label}: "le" and "job" are Prometheus's own labels`);
    if ((type === 'counter') !== label.endsWith('_total')) problems.push(`${label}: only counters end in _total`);
    if (type === 'histogram' && !(Array.isArray(buckets) && buckets.length > 0))
      problems.push(`${label}: a histogram needs buckets`);
  }
  return problems;
}
