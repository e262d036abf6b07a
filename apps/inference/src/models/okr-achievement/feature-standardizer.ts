// Centres and scales each feature by its training mean and standard deviation (1 when constant).
export interface FeatureStandardizer {
  means: number[];
  deviations: number[];
}

export function fitStandardizer(rows: readonly (readonly number[])[]): FeatureStandardizer {
  const width = rows[0]?.length ?? 0;
  const means = new Array<number>(width).fill(0);
  const deviations = new Array<number>(width).fill(0);
  for (const row of rows) row.forEach((v, j) => (means[j] = (means[j] as number) + v / rows.length));
  for (const row of rows)
    row.forEach((v, j) => (deviations[j] = (deviations[j] as number) + (v - (means[j] as number)) ** 2));
  return { means, deviations: deviations.map((d) => Math.sqrt(d / Math.max(1, rows.length - 1)) || 1) };
}

export function standardize(scaler: FeatureStandardizer, row: readonly number[]): number[] {
  return row.map((v, j) => (v - (scaler.means[j] as number)) / (scaler.deviations[j] as number));
}
