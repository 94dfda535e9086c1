/**
 * The SOM half of a SOM layer (seed 000): a Som whose codebook is a non-trainable layer weight, trained by
 * the minibatch Kohonen rule W ← (1−α)W + α·hᵀX/Σh at σ_org — never by gradients.
 */
import * as tf from '@tensorflow/tfjs-core';
import { NeighbourhoodCache, Som, type Grid } from '../som';
import { mulberry32, subSeed } from '../util/random';

export function checkSchedule(owner: string, sigmaOrg: number, alpha: number): void {
  if (!(sigmaOrg > 0 && Number.isFinite(sigmaOrg))) throw new Error(`${owner}.trainSom: sigmaOrg must be a finite number > 0, received ${sigmaOrg}`);
  if (!(alpha > 0 && alpha <= 1)) throw new Error(`${owner}.trainSom: alpha must be in (0, 1], received ${alpha}`);
}

export class LayerSom {
  readonly som: Som;
  private readonly org: NeighbourhoodCache;

  constructor(readonly grid: Grid, readonly dim: number, seed: number) {
    this.som = new Som(grid, dim, 'gaussian', seed);
    this.org = new NeighbourhoodCache(grid.dist2, grid.n, 'gaussian');
    // Uniform in [0, 1): the range of pixel inputs and of most ReLU features; initSom replaces it.
    const rand = mulberry32(subSeed(seed, 7));
    this.som.setCodebook(Float32Array.from({ length: grid.n * dim }, rand));
  }

  get codebook(): tf.Variable { return this.som.codebook; }

  /** Kohonen step on rows x [M, D]; `winners` may be passed when a forward pass already found them. */
  train(x: tf.Tensor2D, sigmaOrg: number, alpha: number, winners?: tf.Tensor1D): void {
    tf.tidy(() => {
      const w = this.som.codebook;
      const h = tf.gather(this.org.get(sigmaOrg), winners ?? this.som.winners(x)); // [M, N]
      const num = tf.matMul(h, x, true, false);
      const den = tf.reshape(tf.sum(h, 0), [-1, 1]);
      // Units no row reaches keep their vector.
      const target = tf.where(tf.greater(den, 1e-12), tf.div(num, tf.maximum(den, 1e-12)), w);
      w.assign(alpha >= 1 ? target : tf.add(tf.mul(w, 1 - alpha), tf.mul(target, alpha)));
    });
  }

  dispose(): void {
    this.org.dispose();
    this.som.dispose();
  }
}
