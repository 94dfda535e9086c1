/** The neighbourhood matrix as a tensor, cached per σ (the values come from the SOM math module). */
import * as tf from '@tensorflow/tfjs-core';
import type { Neighbourhood } from '../../shared/options';
import { neighbourhoodMatrix } from '../../shared/som-math';

/**
 * Caches the neighbourhood matrix tensor per σ (rounded to 4 significant digits so a smoothly decaying σ
 * does not rebuild it every step but the change stays below float precision of the update).
 */
export class NeighbourhoodCache {
  private key = '';
  private tensor: tf.Tensor2D | null = null;

  constructor(
    private readonly dist2: Float32Array,
    private readonly n: number,
    private readonly name: Neighbourhood,
  ) {}

  get(sigma: number): tf.Tensor2D {
    const key = sigma.toPrecision(4);
    if (key !== this.key || !this.tensor) {
      this.tensor?.dispose();
      // Kept out of any enclosing tidy: the cache owns this tensor until σ changes or dispose().
      this.tensor = tf.keep(tf.tensor2d(neighbourhoodMatrix(this.dist2, Number(key), this.name), [this.n, this.n]));
      this.key = key;
    }
    return this.tensor;
  }

  dispose(): void {
    this.tensor?.dispose();
    this.tensor = null;
    this.key = '';
  }
}
