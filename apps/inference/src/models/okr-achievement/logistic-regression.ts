// L2-regularised logistic regression fitted by Newton–Raphson (IRLS): deterministic, no learning rate,
// converges in a handful of steps on standardized features.
export interface LogisticCoefficients {
  intercept: number;
  weights: number[];
}

function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] as number]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const p = a[col]![col]!;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = 0; r < n; r += 1) {
      if (r === col) continue;
      const factor = a[r]![col]! / p;
      for (let c = col; c <= n; c += 1) a[r]![c]! -= factor * a[col]![c]!;
    }
  }
  return a.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!));
}

export function logisticLogit(model: LogisticCoefficients, row: readonly number[]): number {
  return row.reduce((z, v, j) => z + v * (model.weights[j] as number), model.intercept);
}

export function fitLogisticRegression(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  l2 = 1e-2,
  iterations = 25,
): LogisticCoefficients {
  const width = (rows[0]?.length ?? 0) + 1;
  let beta = new Array<number>(width).fill(0);
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    const gradient = new Array<number>(width).fill(0);
    const hessian = Array.from({ length: width }, () => new Array<number>(width).fill(0));
    rows.forEach((row, i) => {
      const x = [1, ...row];
      const p = 1 / (1 + Math.exp(-x.reduce((z, v, j) => z + v * (beta[j] as number), 0)));
      const w = Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j < width; j += 1) {
        gradient[j]! += (p - (labels[i] as number)) * x[j]!;
        for (let k = 0; k <= j; k += 1) hessian[j]![k]! += w * x[j]! * x[k]!;
      }
    });
    for (let j = 0; j < width; j += 1) {
      for (let k = 0; k < j; k += 1) hessian[k]![j] = hessian[j]![k]!;
      // The intercept is not shrunk.
      if (j > 0) {
        hessian[j]![j]! += l2 * rows.length;
        gradient[j]! += l2 * rows.length * beta[j]!;
      }
    }
    const step = solve(hessian, gradient);
    beta = beta.map((b, j) => b - (step[j] as number));
    if (step.every((s) => Math.abs(s) < 1e-8)) break;
  }
  return { intercept: beta[0] as number, weights: beta.slice(1) };
}
