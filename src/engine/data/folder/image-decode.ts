/**
 * One image through sharp, in two steps: its header (size, channels) and then its pixels at the size and
 * channel count the dataset settled on. libvips keeps one error buffer per thread, so the text of a decode
 * error changes from run to run ("libpng read error", "Unknown error"); the messages here say which step
 * failed instead, the same every time. sharp (libvips) is loaded on the first image: a trainer that reads a
 * table, IDX or CIFAR never pays for it (nor does each of its worker threads).
 */
import type { Sharp, SharpOptions } from 'sharp';
import { DatasetError } from '../types';
import type { Entry } from './walk';

const MAX_SIDE = 4096;

let lib: Promise<(path: string, o: SharpOptions) => Sharp> | undefined;
const sharp = async (path: string, o: SharpOptions): Promise<Sharp> =>
  (await (lib ??= import('sharp').then((m) => m.default)))(path, o);

export interface ImageHeader {
  w: number;
  h: number;
  /** Grey or grey + alpha: one channel is enough for it. */
  grey: boolean;
}

const formatName = (e: Entry): string => (e.kind === 'jpeg' ? 'JPEG' : 'PNG');

export async function readHeader(e: Entry): Promise<ImageHeader> {
  const meta = await (await sharp(e.path, { failOn: 'error' })).metadata().catch(() => {
    throw new DatasetError(e.rel, `is not a readable ${formatName(e)} image (its header is corrupt)`);
  });
  if (!meta.width || !meta.height || meta.width > MAX_SIDE || meta.height > MAX_SIDE)
    throw new DatasetError(e.rel, `size ${meta.width}×${meta.height} is outside 1–${MAX_SIDE} pixels a side`);
  return { w: meta.width, h: meta.height, grey: meta.channels !== undefined && meta.channels <= 2 };
}

/** Pixels as bytes, HWC, resized to w×h when needed and with exactly `channels` (1 or 3) channels. */
export async function decodePixels(
  e: Entry,
  head: ImageHeader,
  w: number,
  h: number,
  channels: number,
): Promise<Buffer> {
  let img = (await sharp(e.path, { failOn: 'error' })).removeAlpha();
  if (head.w !== w || head.h !== h) img = img.resize(w, h, { fit: 'fill' });
  img = channels === 1 ? img.greyscale() : img.toColourspace('srgb');
  const out = await img
    .raw()
    .toBuffer({ resolveWithObject: true })
    .catch(() => {
      throw new DatasetError(
        e.rel,
        `is not a readable ${formatName(e)} image (its pixel data is corrupt or truncated)`,
      );
    });
  if (out.info.channels === channels) return out.data;
  // A grey image asked for RGB: each grey value becomes R = G = B.
  const rgb = Buffer.alloc(out.data.length * 3);
  for (let i = 0; i < out.data.length; i++) rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = out.data[i]!;
  return rgb;
}
