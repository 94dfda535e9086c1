/**
 * Lloyd's k-means on [n, N] rows, k-means++ seeding from a seeded generator. Used to quantise whole code
 * vectors into a few bins for the information plane, as the seed's monitor (pytorch-mighty's
 * MutualInfoKMeans) does: per-unit bins of a 512-bit code make every sample its own bin.
 */
import { mulberry32 } from '../../shared/random';

function sqDist(x: Float32Array, i: number, c: Float32Array, j: number, N: number): number {
  let s = 0;
  for (let d = 0; d < N; d++) {
    const e = x[i * N + d]! - c[j * N + d]!;
    s += e * e;
  }
  return s;
}

function seedCentres(x: Float32Array, n: number, N: number, k: number, rand: () => number): Float32Array {
  const c = new Float32Array(k * N);
  const best = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(rand() * n);
  for (let j = 0; j < k; j++) {
    c.set(x.subarray(pick * N, (pick + 1) * N), j * N);
    let total = 0;
    for (let i = 0; i < n; i++) {
      best[i] = Math.min(best[i]!, sqDist(x, i, c, j, N));
      total += best[i]!;
    }
    // Next centre with probability ∝ squared distance; all points on centres: any point will do.
    let r = rand() * total;
    pick = 0;
    for (let i = 0; i < n && r > 0; i++) {
      r -= best[i]!;
      pick = i;
    }
  }
  return c;
}

/** Cluster index per row (k is capped at n). */
export function kmeans(x: Float32Array, n: number, N: number, k: number, seed = 0, iterations = 20): Int32Array {
  if (n === 0) return new Int32Array(0);
  const K = Math.min(k, n),
    c = seedCentres(x, n, N, K, mulberry32(seed));
  const assign = new Int32Array(n).fill(-1);
  for (let it = 0; it < iterations; it++) {
    let moved = false;
    for (let i = 0; i < n; i++) {
      let bj = 0,
        bd = Infinity;
      for (let j = 0; j < K; j++) {
        const d = sqDist(x, i, c, j, N);
        if (d < bd) {
          bd = d;
          bj = j;
        }
      }
      if (assign[i] !== bj) {
        assign[i] = bj;
        moved = true;
      }
    }
    if (!moved) break;
    const sum = new Float64Array(K * N),
      count = new Int32Array(K);
    for (let i = 0; i < n; i++) {
      const j = assign[i]!;
      count[j]! += 1;
      for (let d = 0; d < N; d++) sum[j * N + d]! += x[i * N + d]!;
    }
    // An emptied cluster keeps its centre.
    for (let j = 0; j < K; j++)
      if (count[j]! > 0) for (let d = 0; d < N; d++) c[j * N + d] = sum[j * N + d]! / count[j]!;
  }
  return assign;
}
