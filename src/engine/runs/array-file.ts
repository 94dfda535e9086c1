/**
 * A pair of files for typed arrays: `<stem>.bin` holds the arrays little endian, one after another;
 * `<stem>.json` holds the metadata and, per array, its dtype, byte offset and length (elements). The .bin is
 * written first and the .json last, so a listing of .json files only ever sees complete pairs.
 */
import { readFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { parseWith } from '../../shared/validate';
import { writeFileAtomic, writeJsonAtomic } from './atomic';

export type StoredArray = Float32Array | Int32Array;
const DTYPES = { float32: Float32Array, int32: Int32Array } as const;
type DType = keyof typeof DTYPES;

const ArrayEntrySchema = z.object({
  dtype: z.enum(['float32', 'int32']),
  offset: z.number().int().min(0).multipleOf(4),
  length: z.number().int().min(0),
});
const HeaderSchema = z.looseObject({
  format: z.literal('somlab-arrays'),
  version: z.literal(1),
  arrays: z.record(z.string(), ArrayEntrySchema),
});

const BIG_ENDIAN = endianness() === 'BE';
const dtypeOf = (a: StoredArray): DType => (a instanceof Float32Array ? 'float32' : 'int32');

function toLittleEndian(a: StoredArray): Buffer {
  const bytes = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return BIG_ENDIAN ? Buffer.from(bytes).swap32() : bytes;
}

export async function writeArrayFile(
  dir: string,
  stem: string,
  meta: Record<string, unknown>,
  arrays: Record<string, StoredArray | undefined>,
): Promise<void> {
  const entries: Record<string, z.infer<typeof ArrayEntrySchema>> = {};
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const [name, a] of Object.entries(arrays)) {
    if (!a) continue;
    entries[name] = { dtype: dtypeOf(a), offset, length: a.length };
    chunks.push(toLittleEndian(a));
    offset += a.byteLength;
  }
  await writeFileAtomic(join(dir, `${stem}.bin`), Buffer.concat(chunks));
  await writeJsonAtomic(join(dir, `${stem}.json`), { format: 'somlab-arrays', version: 1, ...meta, arrays: entries });
}

export interface ArrayFile {
  header: Record<string, unknown>;
  arrays: Record<string, StoredArray>;
}

export async function readArrayFile(dir: string, stem: string): Promise<ArrayFile> {
  const jsonPath = join(dir, `${stem}.json`);
  const binPath = join(dir, `${stem}.bin`);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(jsonPath, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(err.code === 'ENOENT' ? `${jsonPath} not found` : `${jsonPath} is corrupt: ${err.message}`);
  }
  const header = parseWith(HeaderSchema, raw, jsonPath);
  const bin = await readFile(binPath).catch((e: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${binPath}: ${e.code ?? e.message}`);
  });
  const arrays: Record<string, StoredArray> = {};
  for (const [name, { dtype, offset, length }] of Object.entries(header.arrays)) {
    const Ctor = DTYPES[dtype];
    const end = offset + length * Ctor.BYTES_PER_ELEMENT;
    if (end > bin.length) {
      throw new Error(
        `${binPath} is truncated: array "${name}" needs bytes ${offset}..${end}, the file has ${bin.length}`,
      );
    }
    // Copy into a fresh, aligned buffer: the file buffer's byteOffset need not be a multiple of 4.
    const bytes = new Uint8Array(bin.subarray(offset, end));
    if (BIG_ENDIAN) Buffer.from(bytes.buffer).swap32();
    arrays[name] = new Ctor(bytes.buffer, 0, length);
  }
  return { header, arrays };
}
