/** The online Kohonen rule on the host: exact sample order, for the seeds' per-sample update and small maps. */
import type { Grid } from '../../shared/som-math';

/**
 * w_j ← w_j + α·h(d²(j*, j))·(x − w_j) for each sample in order, in place on the row-major codebook `w`
 * [N·d]. The winner is recomputed after every update; ties go to the lowest index.
 */
export function onlineUpdate(
  w: Float32Array,
  xs: Float32Array,
  d: number,
  g: Grid,
  h: (d2: number) => number,
  alpha: number,
): void {
  const n = xs.length / d;
  for (let i = 0; i < n; i++) {
    let best = 0,
      bestD = Infinity;
    for (let j = 0; j < g.n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) {
        const e = xs[i * d + k]! - w[j * d + k]!;
        s += e * e;
      }
      if (s < bestD) {
        bestD = s;
        best = j;
      }
    }
    for (let j = 0; j < g.n; j++) {
      const a = alpha * h(g.dist2[best * g.n + j]!);
      if (a === 0) continue;
      for (let k = 0; k < d; k++) w[j * d + k]! += a * (xs[i * d + k]! - w[j * d + k]!);
    }
  }
}
