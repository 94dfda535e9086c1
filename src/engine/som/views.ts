/** Host-side map views computed from read-back arrays: class majority and U-matrix. */
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
