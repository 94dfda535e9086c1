/**
 * k×k patches of images (HWC, row-major) and the inverse: an image rebuilt from one vector per patch
 * position, overlapping patches averaged (seed 000's reconstruction).
 */
import { mulberry32 } from '../../shared/random';

export interface ImageShape {
  h: number;
  w: number;
  c: number;
}

export function patchGrid(s: ImageShape, k: number, stride: number): { ny: number; nx: number } {
  if (k > s.h || k > s.w) throw new Error(`patch size ${k} is larger than the ${s.h}×${s.w} image`);
  return { ny: Math.floor((s.h - k) / stride) + 1, nx: Math.floor((s.w - k) / stride) + 1 };
}

function copyPatch(
  src: Float32Array,
  base: number,
  s: ImageShape,
  k: number,
  y0: number,
  x0: number,
  out: Float32Array,
  o: number,
): void {
  const row = k * s.c;
  for (let dy = 0; dy < k; dy++) {
    const from = base + ((y0 + dy) * s.w + x0) * s.c;
    out.set(src.subarray(from, from + row), o + dy * row);
  }
}

/** Every patch position of every image, in image-major then row-major order: [n·ny·nx, k·k·c]. */
export function allPatches(images: Float32Array, n: number, s: ImageShape, k: number, stride: number): Float32Array {
  const { ny, nx } = patchGrid(s, k, stride);
  const d = k * k * s.c,
    size = s.h * s.w * s.c;
  const out = new Float32Array(n * ny * nx * d);
  let o = 0;
  for (let i = 0; i < n; i++) {
    for (let py = 0; py < ny; py++) {
      for (let px = 0; px < nx; px++, o += d) copyPatch(images, i * size, s, k, py * stride, px * stride, out, o);
    }
  }
  return out;
}

/** `perImage` patches per image at seeded random positions on the stride grid. */
export function randomPatches(
  images: Float32Array,
  n: number,
  s: ImageShape,
  k: number,
  stride: number,
  perImage: number,
  seed: number,
): Float32Array {
  const { ny, nx } = patchGrid(s, k, stride);
  const d = k * k * s.c,
    size = s.h * s.w * s.c;
  const rand = mulberry32(seed);
  const out = new Float32Array(n * perImage * d);
  let o = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < perImage; j++, o += d) {
      copyPatch(images, i * size, s, k, Math.floor(rand() * ny) * stride, Math.floor(rand() * nx) * stride, out, o);
    }
  }
  return out;
}

/** Rebuilds n images from per-patch vectors laid out as allPatches produced them; overlaps are averaged. */
export function foldPatches(patches: Float32Array, n: number, s: ImageShape, k: number, stride: number): Float32Array {
  const { ny, nx } = patchGrid(s, k, stride);
  const d = k * k * s.c,
    size = s.h * s.w * s.c;
  const sum = new Float32Array(n * size);
  const count = new Float32Array(size);
  for (let py = 0; py < ny; py++) {
    for (let px = 0; px < nx; px++) {
      for (let dy = 0; dy < k; dy++)
        for (let q = 0; q < k * s.c; q++) count[((py * stride + dy) * s.w + px * stride) * s.c + q]! += 1;
    }
  }
  let o = 0;
  for (let i = 0; i < n; i++) {
    for (let py = 0; py < ny; py++) {
      for (let px = 0; px < nx; px++, o += d) {
        for (let dy = 0; dy < k; dy++) {
          const at = i * size + ((py * stride + dy) * s.w + px * stride) * s.c;
          for (let q = 0; q < k * s.c; q++) sum[at + q]! += patches[o + dy * k * s.c + q]!;
        }
      }
    }
  }
  // Pixels no patch covers (stride > 1 at the borders) stay 0.
  for (let i = 0; i < n; i++) for (let p = 0; p < size; p++) if (count[p]! > 0) sum[i * size + p]! /= count[p]!;
  return sum;
}

/** Mean squared error and PSNR (peak 1, values in [0, 1]). */
export function mseAndPsnr(a: Float32Array, b: Float32Array): { mse: number; psnr: number } {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const e = a[i]! - b[i]!;
    s += e * e;
  }
  const mse = s / a.length;
  return { mse, psnr: mse === 0 ? Infinity : 10 * Math.log10(1 / mse) };
}
