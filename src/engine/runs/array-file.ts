/**
 * Typed arrays on disk, one set per (layer, step): each array is a NumPy `.npy` file
 * (`<stem>.<name>.npy`, so `np.load` opens it with its shape), and `<stem>.json` holds the metadata and, per
 * array, its dtype, shape and file. The .npy files are written first and the .json last, so a listing of .json
 * files only ever sees complete sets. Version 1 (one `<stem>.bin` with byte offsets) is still read.
 */
import { readFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { parseWith } from '../../shared/validate';
import { writeFileAtomic, writeJsonAtomic } from './atomic';
import { decodeNpy, encodeNpy } from './npy';

export type StoredArray = Float32Array | Int32Array;
/** An array with the shape NumPy should see (default: flat). */
export interface ShapedArray {
  data: StoredArray;
  shape: number[];
}
const DTYPES = { float32: Float32Array, int32: Int32Array } as const;

const V1EntrySchema = z.object({
  dtype: z.enum(['float32', 'int32']),
  offset: z.number().int().min(0).multipleOf(4),
  length: z.number().int().min(0),
});
const V2EntrySchema = z.object({
  dtype: z.enum(['float32', 'int32']),
  shape: z.array(z.number().int().min(0)),
  file: z.string().regex(/^[^/\\]+\.npy$/, 'a .npy file name in the same folder'),
});
const HeaderSchema = z.discriminatedUnion('version', [
  z.looseObject({
    format: z.literal('somlab-arrays'),
    version: z.literal(1),
    arrays: z.record(z.string(), V1EntrySchema),
  }),
  z.looseObject({
    format: z.literal('somlab-arrays'),
    version: z.literal(2),
    arrays: z.record(z.string(), V2EntrySchema),
  }),
]);

const BIG_ENDIAN = endianness() === 'BE';
const dtypeOf = (a: StoredArray) => (a instanceof Float32Array ? ('float32' as const) : ('int32' as const));
const shaped = (a: StoredArray | ShapedArray): ShapedArray =>
  ArrayBuffer.isView(a) ? { data: a, shape: [a.length] } : a;

/** The .npy file of one array of a set (what a user's `np.load` opens). */
export const npyFileName = (stem: string, name: string): string => `${stem}.${name}.npy`;

export async function writeArrayFile(
  dir: string,
  stem: string,
  meta: Record<string, unknown>,
  arrays: Record<string, StoredArray | ShapedArray | undefined>,
): Promise<void> {
  const entries: Record<string, z.infer<typeof V2EntrySchema>> = {};
  for (const [name, a] of Object.entries(arrays)) {
    if (!a) continue;
    const { data, shape } = shaped(a);
    const file = npyFileName(stem, name);
    await writeFileAtomic(join(dir, file), encodeNpy(data, shape));
    entries[name] = { dtype: dtypeOf(data), shape, file };
  }
  await writeJsonAtomic(join(dir, `${stem}.json`), { format: 'somlab-arrays', version: 2, ...meta, arrays: entries });
}

export interface ArrayFile {
  header: Record<string, unknown>;
  arrays: Record<string, StoredArray>;
}

async function readOrSay(path: string): Promise<Buffer> {
  return readFile(path).catch((e: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${path}: ${e.code ?? e.message}`);
  });
}

function fromBin(bin: Buffer, binPath: string, entries: Record<string, z.infer<typeof V1EntrySchema>>) {
  const arrays: Record<string, StoredArray> = {};
  for (const [name, { dtype, offset, length }] of Object.entries(entries)) {
    const Ctor = DTYPES[dtype];
    const end = offset + length * Ctor.BYTES_PER_ELEMENT;
    if (end > bin.length)
      throw new Error(
        `${binPath} is truncated: array "${name}" needs bytes ${offset}..${end}, the file has ${bin.length}`,
      );
    const bytes = new Uint8Array(bin.subarray(offset, end));
    if (BIG_ENDIAN) Buffer.from(bytes.buffer).swap32();
    arrays[name] = new Ctor(bytes.buffer, 0, length);
  }
  return arrays;
}

export async function readArrayFile(dir: string, stem: string): Promise<ArrayFile> {
  const jsonPath = join(dir, `${stem}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(jsonPath, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(err.code === 'ENOENT' ? `${jsonPath} not found` : `${jsonPath} is corrupt: ${err.message}`);
  }
  const header = parseWith(HeaderSchema, raw, jsonPath);
  if (header.version === 1) {
    const binPath = join(dir, `${stem}.bin`);
    return { header, arrays: fromBin(await readOrSay(binPath), binPath, header.arrays) };
  }
  const arrays: Record<string, StoredArray> = {};
  for (const [name, entry] of Object.entries(header.arrays)) {
    const path = join(dir, entry.file);
    const { data, shape } = decodeNpy(await readOrSay(path), path);
    if (dtypeOf(data) !== entry.dtype || shape.join() !== entry.shape.join())
      throw new Error(
        `${path}: holds ${dtypeOf(data)} (${shape.join(', ')}), ` +
          `${jsonPath} says ${entry.dtype} (${entry.shape.join(', ')})`,
      );
    arrays[name] = data;
  }
  return { header, arrays };
}
