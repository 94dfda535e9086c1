/**
 * MNIST-style IDX files (plain or gzip): big-endian magic 0x0000 08 NN (NN = number of dimensions), the
 * dimension sizes, then unsigned bytes. Sizes are checked against the file's real length (or, for gzip,
 * bound the inflate) before any allocation, so a header claiming absurd sizes is refused, not trusted.
 */
import { gunzipSync } from 'node:zlib';
import { DatasetError } from '../types';
import { describeBadMagic, gunzipHead, isIdx } from './magic';

export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

const MAX_ELEMENTS = 2 ** 31 - 1;

/** The most a .gz IDX may inflate to (EMNIST-sized files fit); beyond it, ship the file uncompressed. */
export const MAX_INFLATED = 1024 * 1024 * 1024;

export interface Header {
  dims: number[];
  headerLen: number;
  count: number;
}

/** Magic, element type, dimensions, and their product checked against the 2^31 cap. */
export function parseHeader(bytes: Uint8Array, file: string): Header {
  if (bytes.length < 4) throw new DatasetError(file, `is ${bytes.length} bytes long: too short for an IDX header`);
  if (!isIdx(bytes)) throw new DatasetError(file, describeBadMagic(bytes));
  const ndim = bytes[3]!;
  if (bytes[2] !== 0x08)
    throw new DatasetError(
      file,
      `holds IDX type 0x${bytes[2]!.toString(16)}; only unsigned bytes (0x08) are supported`,
    );
  const headerLen = 4 + 4 * ndim;
  if (bytes.length < headerLen)
    throw new DatasetError(file, `is truncated inside its header (${bytes.length} of ${headerLen} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = Array.from({ length: ndim }, (_, i) => view.getUint32(4 + 4 * i, false));
  const count = dims.reduce((a, b) => a * b, 1);
  if (!Number.isSafeInteger(count) || count > MAX_ELEMENTS)
    throw new DatasetError(file, `header claims absurd sizes ${dims.join('×')}`);
  return { dims, headerLen, count };
}

/**
 * A gzip IDX: the header is read from a partial inflate first, so the full inflate is capped at what the
 * header claims (and at MAX_INFLATED): a small file cannot balloon past its own stated size.
 */
function gunzipIdx(raw: Uint8Array, file: string): Uint8Array {
  const head = gunzipHead(raw.subarray(0, 4096));
  if (!head) throw new DatasetError(file, 'is not a readable gzip file');
  const h = parseHeader(head, file);
  checkInflatedSize(h, file);
  try {
    return gunzipSync(raw, { maxOutputLength: h.headerLen + h.count });
  } catch (e) {
    if (e instanceof RangeError) throw overInflated(h, file);
    throw new DatasetError(file, `is not a readable gzip file (${(e as Error).message})`);
  }
}

export function checkInflatedSize(h: Header, file: string): void {
  if (h.headerLen + h.count > MAX_INFLATED)
    throw new DatasetError(
      file,
      `header claims ${h.dims.join('×')} values: more than a gzip IDX may hold here (1 GiB); decompress it first`,
    );
}

export const truncated = (h: Header, file: string, have: number): DatasetError =>
  new DatasetError(
    file,
    `is truncated: header says ${h.dims.join('×')} = ${h.count} values but only ${have} bytes follow`,
  );

export const overInflated = (h: Header, file: string): DatasetError =>
  new DatasetError(file, `inflates to more bytes than its header's ${h.dims.join('×')} values`);

export function parseIdx(raw: Uint8Array, file: string): IdxArray {
  const gz = raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b;
  const bytes = gz ? gunzipIdx(raw, file) : raw;
  const { dims, headerLen, count } = parseHeader(bytes, file);
  const have = bytes.length - headerLen;
  if (have < count) throw truncated({ dims, headerLen, count }, file, have);
  return { dims, data: bytes.subarray(headerLen, headerLen + count) };
}

/** Pairs an images file [n, h, w] with a labels file [n] into flat float32 images and int32 labels. */
export function idxPair(
  images: IdxArray,
  labels: IdxArray,
  imageFile: string,
  labelFile: string,
): { x: Float32Array; y: Int32Array; count: number; h: number; w: number } {
  if (images.dims.length !== 3)
    throw new DatasetError(imageFile, `has ${images.dims.length} dimensions; an images file has 3 (count, rows, cols)`);
  if (labels.dims.length !== 1)
    throw new DatasetError(labelFile, `has ${labels.dims.length} dimensions; a labels file has 1`);
  const [n, h, w] = images.dims as [number, number, number];
  if (labels.dims[0] !== n)
    throw new DatasetError(labelFile, `holds ${labels.dims[0]} labels but ${imageFile} holds ${n} images`);
  if (n === 0) throw new DatasetError(imageFile, 'holds no images');
  const x = new Float32Array(n * h * w);
  for (let i = 0; i < x.length; i++) x[i] = images.data[i]! / 255;
  return { x, y: Int32Array.from(labels.data), count: n, h, w };
}
