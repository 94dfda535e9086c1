/** Neighbourhood functions h(d; σ) over squared grid distances (closed table: gaussian, bubble, mexican-hat). */
import type { Neighbourhood } from '../options';

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
