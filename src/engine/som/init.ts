/**
 * Codebook initialisation (closed table): random (uniform in each feature's data range), samples (distinct
 * random samples), pca (the grid laid on the plane of the first two principal components, ±1 std).
 * Computed on the host from at most 5 000 rows: cheap, exact and the same on every backend.
 */
import type { SomInit } from '../../shared/options';
import { mulberry32, permutation } from '../../shared/random';
import type { Grid } from '../../shared/som-math';

const MAX_ROWS = 5000;

function rangeInit(x: Float32Array, n: number, d: number, g: Grid, seed: number): Float32Array {
  const lo = new Float32Array(d).fill(Infinity),
    hi = new Float32Array(d).fill(-Infinity);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < d; k++) {
      const v = x[i * d + k]!;
      if (v < lo[k]!) lo[k] = v;
      if (v > hi[k]!) hi[k] = v;
    }
  const r = mulberry32(seed),
    w = new Float32Array(g.n * d);
  for (let j = 0; j < g.n; j++) for (let k = 0; k < d; k++) w[j * d + k] = lo[k]! + r() * (hi[k]! - lo[k]!);
  return w;
}

function sampleInit(x: Float32Array, n: number, d: number, g: Grid, seed: number): Float32Array {
  const p = permutation(n, seed),
    w = new Float32Array(g.n * d);
  for (let j = 0; j < g.n; j++) w.set(x.subarray(p[j % n]! * d, (p[j % n]! + 1) * d), j * d);
  return w;
}

/** Top principal component of a symmetric matrix by power iteration (deterministic start). */
function powerIteration(c: Float64Array, d: number, iters = 200): { v: Float64Array; lambda: number } {
  let v = new Float64Array(d).map((_, i) => 1 + (i % 7) * 0.01);
  let lambda = 0;
  for (let it = 0; it < iters; it++) {
    const nv = new Float64Array(d);
    for (let i = 0; i < d; i++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += c[i * d + k]! * v[k]!;
      nv[i] = s;
    }
    const norm = Math.hypot(...nv) || 1;
    lambda = norm;
    v = nv.map((a) => a / norm);
  }
  return { v, lambda };
}

function pcaInit(x: Float32Array, nAll: number, d: number, g: Grid): Float32Array {
  // The covariance costs n·d² on the host: 1 000 rows pin the principal plane well enough for a start.
  const n = Math.min(nAll, 1000);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) mean[k]! += x[i * d + k]! / n;
  const cov = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) row[k] = x[i * d + k]! - mean[k]!;
    for (let a = 0; a < d; a++) {
      const ra = row[a]! / n;
      if (ra === 0) continue;
      for (let b = 0; b < d; b++) cov[a * d + b]! += ra * row[b]!;
    }
  }
  const pc1 = powerIteration(cov, d);
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) cov[a * d + b]! -= pc1.lambda * pc1.v[a]! * pc1.v[b]!;
  const pc2 = powerIteration(cov, d);
  const s1 = Math.sqrt(pc1.lambda),
    s2 = Math.sqrt(Math.max(pc2.lambda, 0));
  const w = new Float32Array(g.n * d);
  for (let j = 0; j < g.n; j++) {
    const r = Math.floor(j / g.cols),
      c = j % g.cols;
    let a: number, b: number;
    if (g.topology === 'ring') {
      const t = (2 * Math.PI * c) / g.cols;
      a = Math.cos(t);
      b = Math.sin(t);
    } else if (g.rows === 1) {
      a = g.cols > 1 ? (2 * c) / (g.cols - 1) - 1 : 0;
      b = 0;
    } else {
      a = g.cols > 1 ? (2 * c) / (g.cols - 1) - 1 : 0;
      b = (2 * r) / (g.rows - 1) - 1;
    }
    for (let k = 0; k < d; k++) w[j * d + k] = mean[k]! + a * s1 * pc1.v[k]! + b * s2 * pc2.v[k]!;
  }
  return w;
}

/** Returns the [N·D] initial codebook. `x` is row-major [n, d]; only the first 5 000 rows are read. */
export function initCodebook(m: SomInit, x: Float32Array, d: number, g: Grid, seed: number): Float32Array {
  const n = Math.min(MAX_ROWS, x.length / d);
  if (n < 1) throw new Error('cannot initialise a SOM from an empty dataset');
  if (m === 'random') return rangeInit(x, n, d, g, seed);
  if (m === 'samples') return sampleInit(x, n, d, g, seed);
  return pcaInit(x, n, d, g);
}
