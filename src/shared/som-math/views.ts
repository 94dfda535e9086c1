/** Map views from plain arrays: hits, class majority, U-matrix. */
import { neighbourLists, type Grid } from './grid';

/** Majority class per neuron from counts [n·nClasses]; -1 where a neuron has no count (ties: lowest class). */
export function majority(counts: Int32Array, n: number, nClasses: number): Int32Array {
  const out = new Int32Array(n).fill(-1);
  for (let j = 0; j < n; j++) {
    let best = 0;
    for (let c = 0; c < nClasses; c++)
      if (counts[j * nClasses + c]! > best) {
        best = counts[j * nClasses + c]!;
        out[j] = c;
      }
  }
  return out;
}

/** How many of the samples each of the n neurons won. */
export function hitsOf(winners: ArrayLike<number>, n: number): Float32Array {
  const h = new Float32Array(n);
  for (let i = 0; i < winners.length; i++) h[winners[i]!]! += 1;
  return h;
}

/**
 * Majority label per neuron from each sample's winner; -1 where no labelled sample won. Labels outside
 * [0, nClasses) are ignored.
 */
export function classMapOf(
  winners: ArrayLike<number>,
  labels: ArrayLike<number>,
  n: number,
  nClasses: number,
): Int32Array {
  const counts = new Int32Array(n * nClasses);
  for (let i = 0; i < winners.length; i++) {
    const y = labels[i]!;
    if (y >= 0 && y < nClasses) counts[winners[i]! * nClasses + y]! += 1;
  }
  return majority(counts, n, nClasses);
}

/** Mean codebook distance of each neuron to its lattice neighbours (0 for a lone neuron). */
export function uMatrixOf(w: Float32Array, d: number, g: Grid): Float32Array {
  const lists = neighbourLists(g);
  return Float32Array.from(lists, (nb, j) => {
    if (nb.length === 0) return 0;
    let total = 0;
    for (const k of nb) {
      let s = 0;
      for (let q = 0; q < d; q++) {
        const e = w[j * d + q]! - w[k * d + q]!;
        s += e * e;
      }
      total += Math.sqrt(s);
    }
    return total / nb.length;
  });
}
