/** The batch-SOM step as the textbook writes it, in float64 loops: the reference the fused kernels are checked on. */
import { mulberry32 } from '../../../shared/random';

export interface StepCase {
  b: number;
  n: number;
  d: number;
  x: Float32Array;
  w: Float32Array;
  h: Float32Array;
}

/** Winner of each sample by the full squared distance ‖x − w‖² (lowest index on ties). */
export function naiveWinners({ b, n, d, x, w }: StepCase): Int32Array {
  const win = new Int32Array(b);
  for (let i = 0; i < b; i++) {
    let best = Infinity;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += (x[i * d + k]! - w[j * d + k]!) ** 2;
      if (s < best) [best, win[i]] = [s, j];
    }
  }
  return win;
}

/** Σ_i h[win_i, j]·x_i and Σ_i h[win_i, j]. */
export function naiveSums(c: StepCase): { num: Float64Array; den: Float64Array } {
  const win = naiveWinners(c);
  const num = new Float64Array(c.n * c.d),
    den = new Float64Array(c.n);
  for (let i = 0; i < c.b; i++) {
    for (let j = 0; j < c.n; j++) {
      const hij = c.h[win[i]! * c.n + j]!;
      den[j]! += hij;
      for (let k = 0; k < c.d; k++) num[j * c.d + k]! += hij * c.x[i * c.d + k]!;
    }
  }
  return { num, den };
}

/** W' = α·num/den + (1 − α)·W where den > 1e-12, else W. */
export function naiveStep(c: StepCase, alpha: number): Float64Array {
  const { num, den } = naiveSums(c);
  const out = new Float64Array(c.n * c.d);
  for (let j = 0; j < c.n; j++) {
    for (let k = 0; k < c.d; k++) {
      const old = c.w[j * c.d + k]!;
      out[j * c.d + k] = den[j]! > 1e-12 ? alpha * (num[j * c.d + k]! / den[j]!) + (1 - alpha) * old : old;
    }
  }
  return out;
}

/** A random case on a side×side grid with a gaussian (or, with `cutoff`, bubble-like truncated) neighbourhood. */
export function randomCase(b: number, side: number, d: number, seed: number, sigma = 1.5, cutoff = Infinity): StepCase {
  const r = mulberry32(seed),
    n = side * side;
  const h = new Float32Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let c = 0; c < n; c++) {
      const d2 = (Math.floor(a / side) - Math.floor(c / side)) ** 2 + ((a % side) - (c % side)) ** 2;
      h[a * n + c] = d2 <= cutoff * cutoff ? Math.exp(-d2 / (2 * sigma * sigma)) : 0;
    }
  }
  const rand = (len: number) => Float32Array.from({ length: len }, () => r());
  return { b, n, d, x: rand(b * d), w: rand(n * d), h };
}
