/**
 * Content tests for the binary formats: IDX magic numbers (including the broken ones a user meets: a magic
 * written little-endian, or a wrong type/dimension byte) and CIFAR-10 records (one label byte 0–9 every
 * 3,073 bytes). They read only bytes already in hand; detect.ts decides what a file is from them.
 */
import { constants, gunzipSync } from 'node:zlib';

export const CIFAR_RECORD = 3073;
/** IDX element types (0x08 unsigned byte … 0x0E double); the parser says which it supports. */
const IDX_TYPES = new Set([0x08, 0x09, 0x0b, 0x0c, 0x0d, 0x0e]);
const UBYTE = 0x08;

export const isIdx = (b: Uint8Array): boolean =>
  b.length >= 4 && b[0] === 0 && b[1] === 0 && IDX_TYPES.has(b[2]!) && b[3]! >= 1 && b[3]! <= 4;

/** The magic 00 00 08 NN written little-endian: NN 08 00 00. */
const isSwappedIdx = (b: Uint8Array): boolean =>
  b.length >= 4 && b[0]! >= 1 && b[0]! <= 4 && b[1] === UBYTE && b[2] === 0 && b[3] === 0;

/** The first bytes of a gzip stream's content, or null when it is not readable gzip. */
export function gunzipHead(head: Uint8Array): Uint8Array | null {
  try {
    // SYNC_FLUSH lets a cut-off stream inflate as far as it goes instead of throwing.
    return gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 1 << 21 });
  } catch {
    return null;
  }
}

/** Whether `ndim` dimension words after the magic, read in either byte order, account for exactly `size` bytes. */
function dimsMatchSize(b: Uint8Array, size: number): boolean {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let ndim = 1; ndim <= 4; ndim++) {
    const header = 4 + 4 * ndim;
    if (b.length < header) return false;
    for (const little of [false, true]) {
      let n = 1;
      for (let i = 0; i < ndim; i++) n *= view.getUint32(4 + 4 * i, little);
      if (n > 0 && header + n === size) return true;
    }
  }
  return false;
}

/**
 * An IDX file whose magic is wrong: the magic written little-endian, or 00 00 followed by an unknown type or
 * dimension count in a file whose dimension words still account for its exact size. Plain files only need
 * the size to match; inside gzip (size unknown) only the byte-swapped magic itself counts.
 */
export function isBrokenIdx(head: Uint8Array, size: number, gzipped: boolean): boolean {
  if (isIdx(head) || head.length < 4) return false;
  if (gzipped) return isSwappedIdx(head);
  const looksIdx = (head[0] === 0 && head[1] === 0) || isSwappedIdx(head);
  return looksIdx && dimsMatchSize(head, size);
}

const hex32 = (b: Uint8Array): string =>
  '0x' + Array.from(b.subarray(0, 4), (x) => x.toString(16).padStart(2, '0')).join('');

/** What is wrong with an IDX magic, for the error message. */
export function describeBadMagic(head: Uint8Array): string {
  const swapped = isSwappedIdx(head) ? ' (its bytes are reversed: the file was written little-endian)' : '';
  return `bad magic, found ${hex32(head)}, expected 0x00000803 (images) or 0x00000801 (labels)${swapped}`;
}

/** Label bytes (0–9) at every record start seen: `labels` are the bytes at offsets 0, 3073, 6146, … */
export const cifarLabelsOk = (labels: ArrayLike<number>): boolean =>
  labels.length > 0 && Array.from(labels).every((v) => v < 10);

/** Bytes at record starts that lie inside `head`. */
export function recordStarts(head: Uint8Array): number[] {
  const out: number[] = [];
  for (let o = 0; o < head.length; o += CIFAR_RECORD) out.push(head[o]!);
  return out;
}

/** Text would not hold NUL bytes or invalid UTF-8; CIFAR pixel data almost surely does. */
export const isBinary = (head: Uint8Array): boolean =>
  head.includes(0) || Buffer.from(head).toString('utf8').includes('\uFFFD');
