/**
 * Codebook vectors as pixels: each neuron's weight vector reshaped to the input image ([h,w,1] grey,
 * [h,w,3] colour; a flat [d] with d a square is read as a grey √d×√d image), or as one colour when D = 3.
 */
import type { Rgb } from '../charts/colours';
import { extent } from '../charts/colours';

export interface ImageShape {
  h: number;
  w: number;
  c: 1 | 3;
}
export type CodebookView = 'image' | 'colour' | 'vector';

export function imageShape(shape: readonly number[]): ImageShape | null {
  const [a, b, c] = shape;
  if (shape.length === 3 && (c === 1 || c === 3)) return { h: a!, w: b!, c };
  if (shape.length === 2) return { h: a!, w: b!, c: 1 };
  if (shape.length === 1 && a! >= 4) {
    const side = Math.round(Math.sqrt(a!));
    if (side * side === a) return { h: side, w: side, c: 1 };
  }
  return null;
}

export function codebookView(shape: readonly number[]): CodebookView {
  if (shape.length === 1 && shape[0] === 3) return 'colour';
  return imageShape(shape) ? 'image' : 'vector';
}

/** The value range mapped to 0..255: [0,1] when the weights already live there (pixels, colours), else their extent. */
export function codebookRange(codebook: ArrayLike<number>): [number, number] {
  const [lo, hi] = extent(codebook);
  return lo >= 0 && hi <= 1 ? [0, 1] : [lo, hi];
}

const byte = (v: number, lo: number, span: number): number => {
  const t = (v - lo) / span;
  return Number.isFinite(t) ? Math.round(Math.min(1, Math.max(0, t)) * 255) : 0;
};

export function neuronColour(codebook: ArrayLike<number>, i: number, range: [number, number]): Rgb {
  const span = range[1] - range[0] || 1;
  return [0, 1, 2].map((k) => byte(codebook[3 * i + k]!, range[0], span)) as Rgb;
}

/**
 * Writes neuron i's image as RGBA into `out` at tile position (tx, ty) of an image `stride` px wide
 * (a fresh h×w×4 buffer when `out` is omitted). Grey images repeat the value in R, G and B.
 */
export function neuronToRgba(
  codebook: ArrayLike<number>,
  i: number,
  img: ImageShape,
  range: [number, number],
  out: Uint8ClampedArray<ArrayBuffer> = new Uint8ClampedArray(img.h * img.w * 4),
  stride = img.w,
  tx = 0,
  ty = 0,
): Uint8ClampedArray<ArrayBuffer> {
  const d = img.h * img.w * img.c;
  const span = range[1] - range[0] || 1;
  for (let y = 0; y < img.h; y++) {
    for (let x = 0; x < img.w; x++) {
      const src = i * d + (y * img.w + x) * img.c;
      const dst = ((ty + y) * stride + tx + x) * 4;
      const r = byte(codebook[src]!, range[0], span);
      out[dst] = r;
      out[dst + 1] = img.c === 3 ? byte(codebook[src + 1]!, range[0], span) : r;
      out[dst + 2] = img.c === 3 ? byte(codebook[src + 2]!, range[0], span) : r;
      out[dst + 3] = 255;
    }
  }
  return out;
}

export interface Atlas {
  width: number;
  height: number;
  tile: ImageShape;
  perRow: number;
  data: Uint8ClampedArray<ArrayBuffer>;
}

/** All neurons' images in one RGBA buffer, `perRow` tiles per row, so one canvas holds the whole codebook. */
export function codebookAtlas(
  codebook: ArrayLike<number>,
  n: number,
  img: ImageShape,
  range: [number, number],
  perRow = Math.ceil(Math.sqrt(n)),
): Atlas {
  const rowsOfTiles = Math.ceil(n / perRow);
  const width = perRow * img.w,
    height = rowsOfTiles * img.h;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < n; i++)
    neuronToRgba(codebook, i, img, range, data, width, (i % perRow) * img.w, Math.floor(i / perRow) * img.h);
  return { width, height, tile: img, perRow, data };
}
