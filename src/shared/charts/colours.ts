/**
 * Colours, chosen to stay readable with colour-vision deficiency: viridis and cividis for magnitudes, greys
 * for distances, Paul Tol's "muted" set for classes and the Okabe–Ito set for lines. Shared by the renderer's
 * maps and charts and the engine's figures.
 */
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

// Cividis (viridisLite's 10 samples): blue to yellow, near-uniform lightness, readable in every colour vision.
const CIVIDIS: Rgb[] = [
  '00204d',
  '00336f',
  '39486b',
  '575c6d',
  '707173',
  '8a8779',
  'a69d75',
  'c4b56c',
  'e4cf5b',
  'ffea46',
].map((h) => [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb);

// Paul Tol's "muted" qualitative set (9, colour-blind safe) and a dark grey; more classes cycle with a shade.
const CATEGORICAL: Rgb[] = [
  [204, 102, 119],
  [51, 34, 136],
  [221, 204, 119],
  [17, 119, 51],
  [136, 204, 238],
  [136, 34, 85],
  [68, 170, 153],
  [153, 153, 51],
  [170, 68, 153],
  [85, 85, 85],
];

/** Okabe & Ito's colour-blind-safe set, ordered for lines on white (yellow last). */
export const OKABE_ITO = ['#0072b2', '#d55e00', '#009e73', '#e69f00', '#cc79a7', '#56b4e9', '#000000', '#f0e442'];

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
  cividis: (t: number): Rgb => interpolate(CIVIDIS, t),
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
