/** Colour scales for the map views: viridis for magnitudes, greys for distances, a palette for classes. */
export type Rgb = [number, number, number];

// Viridis at 9 evenly spaced stops (matplotlib's table), linearly interpolated between them.
const VIRIDIS: Rgb[] = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

// Light (near 0: close neighbours, a cluster) to dark (a border between clusters), as U-matrices are read.
const GREYS: Rgb[] = [
  [247, 247, 247],
  [37, 37, 37],
];

// Tableau 10: distinct, colour-blind friendly enough for ≤ 10 classes; more classes cycle with a shade.
const CATEGORICAL: Rgb[] = [
  [78, 121, 167],
  [242, 142, 43],
  [225, 87, 89],
  [118, 183, 178],
  [89, 161, 79],
  [237, 201, 72],
  [176, 122, 161],
  [255, 157, 167],
  [156, 117, 95],
  [186, 176, 172],
];

function interpolate(stops: Rgb[], t: number): Rgb {
  const x = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const f = x * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(f));
  const u = f - i;
  const a = stops[i]!,
    b = stops[i + 1]!;
  return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * u)) as Rgb;
}

export const SCALES = {
  viridis: (t: number): Rgb => interpolate(VIRIDIS, t),
  greys: (t: number): Rgb => interpolate(GREYS, t),
} as const;
export type ScaleName = keyof typeof SCALES;

export function classColour(k: number): Rgb {
  if (k < 0) return [230, 230, 230]; // no sample won this neuron
  const base = CATEGORICAL[k % CATEGORICAL.length]!;
  const shade = Math.floor(k / CATEGORICAL.length) % 3; // 0, 1, 2 → 100 %, 75 %, 50 %
  return base.map((v) => Math.round(v * (1 - shade * 0.25))) as Rgb;
}

export const rgbCss = (c: Rgb): string => `rgb(${c[0]},${c[1]},${c[2]})`;

/** Finite min and max of an array (0..1 when it holds nothing finite, a unit span when flat). */
export function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return [0, 1];
  return hi > lo ? [lo, hi] : [lo, lo + 1];
}

/** Maps v in [lo, hi] to 0..1. */
export const normalise = (v: number, [lo, hi]: [number, number]): number => (v - lo) / (hi - lo);
