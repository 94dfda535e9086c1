/**
 * Small synthetic stand-ins for the built-in datasets, so the demo mode and the fake api show maps that
 * look like the real ones (colours, a rotating stroke, digit-like strokes, spirals) without any download.
 */
export interface DemoData {
  x: Float32Array;
  labels: Int32Array | null;
  count: number;
  dim: number;
  shape: number[];
  classes: string[];
}

export { mulberry32 } from '../../../shared/random';
import { mulberry32 } from '../../../shared/random';

type Stroke = [number, number, number, number]; // x0, y0, x1, y1 in 0..1

/** Renders strokes into a side×side grey image (distance to the nearest stroke, soft edge). */
function strokes(side: number, lines: Stroke[], rot = 0, dx = 0, dy = 0): Float32Array {
  const img = new Float32Array(side * side);
  const c = Math.cos(rot),
    s = Math.sin(rot);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      // Rotate the pixel back around the centre instead of the strokes forward.
      const u0 = (x + 0.5) / side - 0.5 - dx,
        v0 = (y + 0.5) / side - 0.5 - dy;
      const u = c * u0 + s * v0 + 0.5,
        v = -s * u0 + c * v0 + 0.5;
      let d = Infinity;
      for (const [x0, y0, x1, y1] of lines) {
        const ex = x1 - x0,
          ey = y1 - y0;
        const t = Math.max(0, Math.min(1, ((u - x0) * ex + (v - y0) * ey) / (ex * ex + ey * ey || 1)));
        d = Math.min(d, Math.hypot(u - x0 - t * ex, v - y0 - t * ey));
      }
      img[y * side + x] = Math.max(0, Math.min(1, 1.6 - d * side * 0.55));
    }
  }
  return img;
}

const DIGITS: Stroke[][] = [
  [
    [0.3, 0.2, 0.7, 0.2],
    [0.7, 0.2, 0.7, 0.8],
    [0.7, 0.8, 0.3, 0.8],
    [0.3, 0.8, 0.3, 0.2],
  ],
  [[0.5, 0.15, 0.5, 0.85]],
  [
    [0.3, 0.2, 0.7, 0.2],
    [0.7, 0.2, 0.7, 0.5],
    [0.7, 0.5, 0.3, 0.8],
    [0.3, 0.8, 0.7, 0.8],
  ],
  [
    [0.3, 0.2, 0.7, 0.2],
    [0.7, 0.2, 0.7, 0.8],
    [0.4, 0.5, 0.7, 0.5],
    [0.3, 0.8, 0.7, 0.8],
  ],
  [
    [0.3, 0.15, 0.3, 0.5],
    [0.3, 0.5, 0.7, 0.5],
    [0.65, 0.15, 0.65, 0.85],
  ],
  [
    [0.7, 0.2, 0.3, 0.2],
    [0.3, 0.2, 0.3, 0.5],
    [0.3, 0.5, 0.7, 0.6],
    [0.7, 0.6, 0.3, 0.8],
  ],
  [
    [0.65, 0.15, 0.3, 0.5],
    [0.3, 0.5, 0.3, 0.8],
    [0.3, 0.8, 0.7, 0.8],
    [0.7, 0.8, 0.7, 0.55],
    [0.7, 0.55, 0.3, 0.55],
  ],
  [
    [0.3, 0.2, 0.7, 0.2],
    [0.7, 0.2, 0.4, 0.85],
  ],
  [
    [0.3, 0.2, 0.7, 0.2],
    [0.3, 0.2, 0.3, 0.8],
    [0.7, 0.2, 0.7, 0.8],
    [0.3, 0.5, 0.7, 0.5],
    [0.3, 0.8, 0.7, 0.8],
  ],
  [
    [0.7, 0.5, 0.3, 0.5],
    [0.3, 0.5, 0.3, 0.2],
    [0.3, 0.2, 0.7, 0.2],
    [0.7, 0.2, 0.6, 0.85],
  ],
];

export function demoData(name: string, count: number, seed: number, patch?: number): DemoData {
  const rand = mulberry32(seed);
  if (name === 'colors') {
    return {
      x: Float32Array.from({ length: count * 3 }, () => rand()),
      labels: null,
      count,
      dim: 3,
      shape: [3],
      classes: [],
    };
  }
  if (name === 'spirals') {
    const x = new Float32Array(count * 2),
      labels = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const k = i % 2,
        t = rand() * 3 * Math.PI,
        r = t / (3 * Math.PI);
      x[2 * i] = 0.5 + 0.45 * r * Math.cos(t + k * Math.PI) + (rand() - 0.5) * 0.03;
      x[2 * i + 1] = 0.5 + 0.45 * r * Math.sin(t + k * Math.PI) + (rand() - 0.5) * 0.03;
      labels[i] = k;
    }
    return { x, labels, count, dim: 2, shape: [2], classes: ['a', 'b'] };
  }
  if (name === 'rotating-digit') {
    const side = 16,
      views = 72;
    const x = new Float32Array(count * side * side),
      labels = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const v = i % views;
      x.set(strokes(side, DIGITS[7]!, (2 * Math.PI * v) / views), i * side * side);
      labels[i] = Math.floor(v / 9); // 8 bins of 45°
    }
    return {
      x,
      labels,
      count,
      dim: side * side,
      shape: [side, side, 1],
      classes: Array.from({ length: 8 }, (_, k) => `${k * 45}°`),
    };
  }
  const side = 14;
  const digits = new Float32Array(count * side * side),
    labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const k = Math.floor(rand() * 10);
    digits.set(
      strokes(side, DIGITS[k]!, (rand() - 0.5) * 0.4, (rand() - 0.5) * 0.1, (rand() - 0.5) * 0.1),
      i * side * side,
    );
    labels[i] = k;
  }
  const classes = Array.from({ length: 10 }, (_, k) => String(k));
  if (!patch) return { x: digits, labels, count, dim: side * side, shape: [side, side, 1], classes };
  // Patch SOM: one random k×k patch per image.
  const p = Math.min(patch, side),
    x = new Float32Array(count * p * p);
  for (let i = 0; i < count; i++) {
    const ox = Math.floor(rand() * (side - p + 1)),
      oy = Math.floor(rand() * (side - p + 1));
    for (let y = 0; y < p; y++)
      for (let u = 0; u < p; u++) x[i * p * p + y * p + u] = digits[i * side * side + (oy + y) * side + ox + u]!;
  }
  return { x, labels: null, count, dim: p * p, shape: [p, p, 1], classes: [] };
}
