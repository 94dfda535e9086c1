/**
 * RGB colours (seed 004's demo): samples jittered around 16 named colours, labelled by the colour they
 * came from, so the class map and the codebook-as-colours view both have something to show.
 */
import { mulberry32 } from '../../../shared/random';
import type { Dataset, Split } from '../types';

export const COLOUR_NAMES: [string, [number, number, number]][] = [
  ['black', [0, 0, 0]],
  ['white', [1, 1, 1]],
  ['red', [1, 0, 0]],
  ['green', [0, 1, 0]],
  ['blue', [0, 0, 1]],
  ['yellow', [1, 1, 0]],
  ['cyan', [0, 1, 1]],
  ['magenta', [1, 0, 1]],
  ['navy', [0, 0, 0.5]],
  ['sky blue', [0.125, 0.529, 1]],
  ['slate', [0.33, 0.4, 0.67]],
  ['lilac', [0.6, 0.5, 1]],
  ['dark grey', [0.33, 0.33, 0.33]],
  ['grey', [0.5, 0.5, 0.5]],
  ['light grey', [0.66, 0.66, 0.66]],
  ['orange', [1, 0.5, 0]],
];

const JITTER = 0.05;

function colours(n: number, seed: number): Split {
  const r = mulberry32(seed),
    x = new Float32Array(n * 3),
    y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(r() * COLOUR_NAMES.length);
    y[i] = c;
    for (let k = 0; k < 3; k++)
      x[i * 3 + k] = Math.min(1, Math.max(0, COLOUR_NAMES[c]![1][k]! + (r() * 2 - 1) * JITTER));
  }
  return { x, y, count: n };
}

export function loadColors(): Dataset {
  return {
    name: 'colors',
    format: 'builtin',
    source: 'builtin:colors',
    shape: [3],
    classes: COLOUR_NAMES.map(([n]) => n),
    train: colours(4096, 4),
    test: colours(1024, 5),
    warnings: [],
  };
}
