/** Two interleaved spirals in the plane (seed 002's task), coordinates in about [-1, 1]. */
import { mulberry32 } from '../../../shared/random';
import type { Dataset, Split } from '../types';

function spirals(n: number, seed: number, noise = 0.04): Split {
  const r = mulberry32(seed),
    x = new Float32Array(n * 2),
    y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const cls = i % 2,
      t = r();
    const angle = t * 3 * Math.PI + cls * Math.PI,
      radius = 0.1 + 0.85 * t;
    x[i * 2] = radius * Math.cos(angle) + (r() * 2 - 1) * noise;
    x[i * 2 + 1] = radius * Math.sin(angle) + (r() * 2 - 1) * noise;
    y[i] = cls;
  }
  return { x, y, count: n };
}

export function loadSpirals(): Dataset {
  return {
    name: 'spirals',
    format: 'builtin',
    source: 'builtin:spirals',
    shape: [2],
    classes: ['A', 'B'],
    train: spirals(2000, 21),
    test: spirals(1000, 22),
    warnings: [],
  };
}
