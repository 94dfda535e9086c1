/** Map quality from plain arrays: the topographic error counted the way every SOM in the lab counts it. */
import { areNeighbours, type Grid } from './grid';

/**
 * Samples whose best and second-best units are not lattice neighbours (8-neighbourhood on rect and torus,
 * as areNeighbours says). `pairs` holds (best, second) per sample, [m·2], as tf.topk's indices come back.
 */
export function topographicErrors(g: Grid, pairs: ArrayLike<number>, m = pairs.length / 2): number {
  let errors = 0;
  for (let r = 0; r < m; r++) if (!areNeighbours(g, pairs[r * 2]!, pairs[r * 2 + 1]!)) errors += 1;
  return errors;
}
