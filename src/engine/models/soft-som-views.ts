/**
 * What a soft-SOM run streams besides its metrics: the decision boundary over the input plane, and the soft
 * SOM's lattice drawn in that plane (the playground's two panels; the boundary is also the figure panel).
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { SomSnapshot } from '../../shared/run-types';
import { uMatrixOf } from '../../shared/som-math';
import { PLANE_EXTENT, PLANE_RES } from '../../shared/map/boundary-image';
import { softSomWeights, type SoftSom } from '../layers';

export const RES = PLANE_RES,
  EXTENT = PLANE_EXTENT;
/** A node whose share of the plane sums below this has no place in it (its centroid would be 0/0). */
const MIN_MASS = 1e-6;

/** The RES × RES points of [-EXTENT, EXTENT]², row-major from the top-left corner (x₂ grows upwards). */
export function plane(): tf.Tensor2D {
  const xy = new Float32Array(RES * RES * 2);
  for (let r = 0; r < RES; r++)
    for (let c = 0; c < RES; c++) {
      xy[(r * RES + c) * 2] = -EXTENT + (2 * EXTENT * c) / (RES - 1);
      xy[(r * RES + c) * 2 + 1] = EXTENT - (2 * EXTENT * r) / (RES - 1); // row 0 at the top
    }
  return tf.tensor2d(xy, [RES * RES, 2]);
}

/**
 * The boundary as a RES × RES panel: codebook (and umatrix) P(class 1), as the figure panel draws it; classMap
 * the predicted class and hits its probability, so a 3-class boundary can be drawn too.
 */
export async function boundarySnapshot(model: tfl.LayersModel, grid: tf.Tensor2D, step: number): Promise<SomSnapshot> {
  const [one, best, conf] = tf.tidy(() => {
    const p = tf.softmax(model.apply(grid, { training: false }) as tf.Tensor2D);
    return [tf.slice(p, [0, 1], [RES * RES, 1]), tf.argMax(p, 1), tf.max(p, 1)];
  });
  const [codebook, classMap, hits] = [
    (await one.data()) as Float32Array,
    Int32Array.from(await best.data()),
    (await conf.data()) as Float32Array,
  ];
  tf.dispose([one, best, conf]);
  return {
    step,
    layer: 'boundary',
    rows: RES,
    cols: RES,
    topology: 'rect',
    shape: [1],
    codebook,
    hits,
    umatrix: codebook,
    classMap,
  };
}

/**
 * The soft SOM's nodes as points of the input plane: its locations themselves when it reads the plane (SOM
 * preprocessing); when it sits after a hidden layer (interposed) its locations live in that layer's space, so
 * each node is placed at the centroid of the plane weighted by its soft share there (where it responds).
 * hits: each node's total share of the plane's RES² points.
 */
export async function latticeSnapshot(
  soft: SoftSom,
  before: tfl.layers.Layer | null,
  grid: tf.Tensor2D,
  step: number,
): Promise<SomSnapshot> {
  const [pos, share] = tf.tidy(() => {
    const input = before ? (before.apply(grid) as tf.Tensor2D) : grid;
    const w = softSomWeights(input, soft.som.codebook, soft.beta);
    const mass = tf.sum(w, 0);
    const at = before ? tf.div(tf.matMul(w, grid, true, false), tf.expandDims(mass, 1)) : soft.som.codebook.clone();
    return [at, mass];
  });
  const codebook = (await pos.data()) as Float32Array,
    hits = (await share.data()) as Float32Array;
  tf.dispose([pos, share]);
  hits.forEach((m, v) => {
    if (!(m >= MIN_MASS)) codebook.fill(NaN, v * 2, v * 2 + 2);
  });
  const g = soft.grid;
  return {
    step,
    layer: 'softsom',
    rows: g.rows,
    cols: g.cols,
    topology: g.topology,
    shape: [2],
    codebook,
    hits,
    umatrix: uMatrixOf(codebook, 2, g),
  };
}
