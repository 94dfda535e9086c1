/** Neighbourhood functions h(d; σ) over squared grid distances (closed table: gaussian, bubble, mexican-hat). */
import * as tf from '@tensorflow/tfjs-core';
import type { Neighbourhood } from '../../shared/options';

const FUNCTIONS: Record<Neighbourhood, (d2: number, sigma: number) => number> = {
  gaussian: (d2, s) => Math.exp(-d2 / (2 * s * s)),
  bubble: (d2, s) => (d2 <= s * s ? 1 : 0),
  // Ricker wavelet: excitatory centre, inhibitory ring.
  'mexican-hat': (d2, s) => (1 - d2 / (s * s)) * Math.exp(-d2 / (2 * s * s)),
};

export function neighbourhoodFn(name: Neighbourhood): (d2: number, sigma: number) => number {
  return FUNCTIONS[name];
}

/** The [n, n] matrix h(d(i, j); σ) as a Float32Array (row i = neighbourhood of winner i). */
export function neighbourhoodMatrix(dist2: Float32Array, sigma: number, name: Neighbourhood): Float32Array {
  if (!(sigma > 0)) throw new Error(`σ must be > 0, received ${sigma}`);
  const f = neighbourhoodFn(name);
  const out = new Float32Array(dist2.length);
  for (let i = 0; i < dist2.length; i++) out[i] = f(dist2[i]!, sigma);
  return out;
}

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
