/**
 * One MNIST digit seen from 72 angles (5° apart): the stand-in for seed 000's car photographed from all
 * sides. A looped 1-D SOM should order the views by angle. Labels are the angle index.
 */
import type { Dataset } from '../types';
import { loadMnist } from './mnist';

export const STEPS = 72;

/** Bilinear rotation of a square single-channel image about its centre (outside pixels are 0). */
export function rotate(img: Float32Array, size: number, radians: number): Float32Array {
  const out = new Float32Array(size * size),
    c = (size - 1) / 2,
    cos = Math.cos(radians),
    sin = Math.sin(radians);
  const at = (y: number, x: number): number => (y >= 0 && y < size && x >= 0 && x < size ? img[y * size + x]! : 0);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Inverse mapping: where in the source does this output pixel come from?
      const sx = cos * (x - c) + sin * (y - c) + c,
        sy = -sin * (x - c) + cos * (y - c) + c;
      const x0 = Math.floor(sx),
        y0 = Math.floor(sy),
        fx = sx - x0,
        fy = sy - y0;
      out[y * size + x] =
        (1 - fy) * ((1 - fx) * at(y0, x0) + fx * at(y0, x0 + 1)) +
        fy * ((1 - fx) * at(y0 + 1, x0) + fx * at(y0 + 1, x0 + 1));
    }
  }
  return out;
}

export function loadRotatingDigit(): Dataset {
  const mnist = loadMnist();
  // The first "4" of the training set: asymmetric, so every angle looks different.
  const idx = mnist.train.y.indexOf(4);
  const base = mnist.train.x.subarray(idx * 784, (idx + 1) * 784);
  const x = new Float32Array(STEPS * 784);
  for (let k = 0; k < STEPS; k++) x.set(rotate(base, 28, (2 * Math.PI * k) / STEPS), k * 784);
  const y = Int32Array.from({ length: STEPS }, (_, k) => k);
  return {
    name: 'rotating-digit',
    format: 'builtin',
    source: 'builtin:rotating-digit',
    shape: [28, 28, 1],
    classes: Array.from({ length: STEPS }, (_, k) => `${k * 5}°`),
    train: { x, y, count: STEPS },
    warnings: [],
  };
}
