/**
 * NumPy's .npy format, written and read by hand (the spec is one page: numpy.org/doc/stable/reference/
 * generated/numpy.lib.format.html): the magic "\x93NUMPY", a version, the header length, an ASCII Python dict
 * {'descr', 'fortran_order', 'shape'} padded with spaces to a multiple of 64 bytes and ended by "\n", then the
 * raw C-order data. SOM Lab writes version 1.0, little endian float32 and int32; it reads 1.0–3.0 of those.
 */
import { endianness } from 'node:os';

export type NpyArray = Float32Array | Int32Array;
const MAGIC = Buffer.from([0x93, ...Buffer.from('NUMPY')]);
const DESCR = { float32: '<f4', int32: '<i4' } as const;
const BIG_ENDIAN = endianness() === 'BE';

export interface Npy {
  data: NpyArray;
  shape: number[];
}

/**
 * The header of a C-order array of `shape`: magic, version 1.0, length and the dict padded so the data
 * starts at a multiple of 64 (or at `minBytes`, so a header written before the row count is known can be
 * rewritten in place once it is).
 */
export function npyHeader(dtype: keyof typeof DESCR, shape: readonly number[], minBytes = 0): Buffer {
  const tuple = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const dict = `{'descr': '${DESCR[dtype]}', 'fortran_order': False, 'shape': ${tuple}, }`;
  // magic (6) + version (2) + length (2) + dict + padding + "\n" is a multiple of 64.
  const total = Math.max(minBytes, Math.ceil((10 + dict.length + 1) / 64) * 64);
  const header = dict.padEnd(total - 10 - 1, ' ') + '\n';
  const prefix = Buffer.alloc(10);
  MAGIC.copy(prefix, 0);
  prefix[6] = 1;
  prefix[7] = 0;
  prefix.writeUInt16LE(header.length, 8);
  return Buffer.concat([prefix, Buffer.from(header, 'latin1')]);
}

export function encodeNpy(data: NpyArray, shape: readonly number[] = [data.length]): Buffer {
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== data.length)
    throw new Error(`npy: shape (${shape.join(', ')}) holds ${count} values, got ${data.length}`);
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const dtype = data instanceof Float32Array ? 'float32' : 'int32';
  return Buffer.concat([npyHeader(dtype, shape), BIG_ENDIAN ? Buffer.from(bytes).swap32() : bytes]);
}

function parseHeader(text: string, where: string): { descr: string; shape: number[] } {
  const descr = /'descr':\s*'([^']+)'/.exec(text)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(text)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined)
    throw new Error(`${where}: not a .npy header dict (expected descr, fortran_order and shape): ${text.trim()}`);
  if (fortran === 'True') throw new Error(`${where}: Fortran-ordered arrays are not supported (expected C order)`);
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
  if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0))
    throw new Error(`${where}: bad shape (${shapeText}) in the .npy header`);
  return { descr, shape };
}

/** Where the data of a .npy file starts, its dtype and shape (from its first bytes; 4 KiB is always enough). */
export function npyLayout(
  buf: Uint8Array,
  where: string,
): { dtype: keyof typeof DESCR; shape: number[]; start: number; count: number } {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length < 10 || !b.subarray(0, 6).equals(MAGIC))
    throw new Error(`${where}: not a .npy file (no \\x93NUMPY magic)`);
  const major = b[6]!;
  if (major < 1 || major > 3) throw new Error(`${where}: .npy version ${major}.${b[7]} (expected 1.0 to 3.0)`);
  const lenBytes = major === 1 ? 2 : 4;
  const headerLen = major === 1 ? b.readUInt16LE(8) : b.readUInt32LE(8);
  const start = 8 + lenBytes + headerLen;
  if (start > b.length) throw new Error(`${where}: .npy header runs past the end of the file`);
  const { descr, shape } = parseHeader(b.subarray(8 + lenBytes, start).toString('latin1'), where);
  const dtype = descr === DESCR.float32 ? 'float32' : descr === DESCR.int32 ? 'int32' : null;
  if (!dtype) throw new Error(`${where}: dtype '${descr}' is not supported (expected '<f4' or '<i4')`);
  return { dtype, shape, start, count: shape.reduce((a, x) => a * x, 1) };
}

export function decodeNpy(buf: Uint8Array, where: string): Npy {
  const { dtype, shape, start, count } = npyLayout(buf, where);
  const end = start + count * 4;
  if (end > buf.byteLength)
    throw new Error(`${where}: truncated: shape (${shape.join(', ')}) needs ${end} bytes, has ${buf.byteLength}`);
  // Copy into a fresh, aligned buffer: the data's offset in the file need not be a multiple of 4.
  const bytes = new Uint8Array(buf.subarray(start, end));
  if (BIG_ENDIAN) Buffer.from(bytes.buffer).swap32();
  const Ctor = dtype === 'float32' ? Float32Array : Int32Array;
  return { data: new Ctor(bytes.buffer, 0, count), shape };
}
