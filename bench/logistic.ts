/** Logistic regression for the calibration scripts (bench/calibrate.ts, bench/calibrate-cv.ts). */

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
export const dot = (a: readonly number[], b: readonly number[]): number =>
  a.reduce((sum, v, i) => sum + v * (b[i] ?? 0), 0);

/**
 * Fits weights by Newton's method with a small ridge, so a feature that separates perfectly cannot run off to
 * infinity. `weights` (default 1 per row) lets a row count for less than a whole one.
 */
export function fitLogistic(
  xs: readonly (readonly number[])[],
  ys: readonly number[],
  weights: readonly number[] = [],
  iterations = 50,
): number[] {
  const dims = xs[0]?.length ?? 0;
  let w = new Array<number>(dims).fill(0);
  for (let iter = 0; iter < iterations; iter += 1) {
    const grad = new Array<number>(dims).fill(0);
    const hess = Array.from({ length: dims }, (_, i) =>
      Array.from({ length: dims }, (_, j): number => (i === j ? 0.01 : 0)),
    );
    xs.forEach((x, n) => {
      const p = sigmoid(dot(w, x));
      const weight = weights[n] ?? 1;
      for (let i = 0; i < dims; i += 1) {
        grad[i] = (grad[i] ?? 0) + weight * (p - (ys[n] ?? 0)) * (x[i] ?? 0) + (0.01 * (w[i] ?? 0)) / xs.length;
        const row = hess[i] as number[];
        for (let j = 0; j < dims; j += 1) row[j] = (row[j] ?? 0) + weight * p * (1 - p) * (x[i] ?? 0) * (x[j] ?? 0);
      }
    });
    const step = solve(hess, grad);
    w = w.map((v, i) => v - (step[i] ?? 0));
  }
  return w;
}

/** Solves a · x = b by Gauss–Jordan elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c += 1) {
    let p = c;
    for (let r = c + 1; r < n; r += 1) if (Math.abs(m[r]?.[c] ?? 0) > Math.abs(m[p]?.[c] ?? 0)) p = r;
    [m[c], m[p]] = [m[p] ?? [], m[c] ?? []];
    for (let r = 0; r < n; r += 1) {
      if (r === c) continue;
      const f = (m[r]?.[c] ?? 0) / (m[c]?.[c] ?? 1);
      for (let k = c; k <= n; k += 1) (m[r] as number[])[k] = (m[r]?.[k] ?? 0) - f * (m[c]?.[k] ?? 0);
    }
  }
  return Array.from({ length: n }, (_, i) => (m[i]?.[n] ?? 0) / (m[i]?.[i] ?? 1));
}
