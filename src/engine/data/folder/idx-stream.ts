/**
 * IDX files read in chunks: the header from the first bytes (inflated from the start of a gzip file), then
 * the values as ranges of whole records (plain files) or inflated as a stream (gzip), never the whole
 * file at once. The checks and messages are those of the whole-file parser (idx.ts): a plain file too short
 * for its header is refused before any value is read; a gzip file is inflated no further than its header
 * says, and one that ends early is truncated.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { DatasetError } from '../types';
import { checkInflatedSize, overInflated, parseHeader, truncated, type Header } from './idx';
import { gunzipHead } from './magic';
import { recordsPerRead } from './scanned';
import type { Entry } from './walk';

export interface IdxHead extends Header {
  e: Entry;
  gz: boolean;
}

const HEAD_BYTES = 4096;
const why = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

async function firstBytes(e: Entry): Promise<Uint8Array> {
  const fh = await open(e.path, 'r').catch((err) => {
    throw new DatasetError(e.rel, `cannot be read (${why(err)})`);
  });
  try {
    const b = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(b, 0, HEAD_BYTES, 0);
    return b.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** The header of an IDX file, checked against the file's size (plain) or the inflate cap (gzip). */
export async function readIdxHead(e: Entry): Promise<IdxHead> {
  const raw = await firstBytes(e);
  const gz = raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b;
  const bytes = gz ? gunzipHead(raw) : raw;
  if (!bytes) throw new DatasetError(e.rel, 'is not a readable gzip file');
  const h = parseHeader(bytes, e.rel);
  if (gz) checkInflatedSize(h, e.rel);
  else if (e.size - h.headerLen < h.count) throw truncated(h, e.rel, e.size - h.headerLen);
  return { ...h, e, gz };
}

async function* plainChunks(h: IdxHead, bytes: number): AsyncGenerator<Uint8Array> {
  const fh = await open(h.e.path, 'r');
  try {
    for (let at = 0; at < h.count; at += bytes) {
      const want = Math.min(bytes, h.count - at);
      const buf = Buffer.alloc(want);
      const { bytesRead } = await fh.read(buf, 0, want, h.headerLen + at);
      if (bytesRead < want) throw truncated(h, h.e.rel, at + bytesRead);
      yield buf;
    }
  } finally {
    await fh.close();
  }
}

async function* gzipChunks(h: IdxHead, bytes: number): AsyncGenerator<Uint8Array> {
  const inflate = createReadStream(h.e.path).pipe(createGunzip());
  let skip = h.headerLen,
    got = 0,
    pending: Buffer[] = [],
    held = 0;
  try {
    for await (const piece of inflate as AsyncIterable<Buffer>) {
      const part = skip ? piece.subarray(Math.min(skip, piece.length)) : piece;
      skip -= piece.length - part.length;
      got += part.length;
      if (got > h.count) throw overInflated(h, h.e.rel);
      pending.push(part);
      held += part.length;
      while (held >= bytes) {
        const all = Buffer.concat(pending, held);
        yield all.subarray(0, bytes);
        pending = [all.subarray(bytes)];
        held -= bytes;
      }
    }
  } catch (e) {
    if (e instanceof DatasetError) throw e;
    throw new DatasetError(h.e.rel, `is not a readable gzip file (${why(e)})`);
  } finally {
    inflate.destroy();
  }
  if (got < h.count) throw truncated(h, h.e.rel, got);
  if (held) yield Buffer.concat(pending, held);
}

/** The values of an IDX file in chunks of whole records of `record` values (about 1 MiB each). */
export function idxChunks(h: IdxHead, record: number): AsyncGenerator<Uint8Array> {
  const bytes = recordsPerRead(record) * record;
  return h.gz ? gzipChunks(h, bytes) : plainChunks(h, bytes);
}

/** Every value of a (small) IDX file: a labels file. */
export async function idxValues(h: IdxHead): Promise<Uint8Array> {
  const out = new Uint8Array(h.count);
  let at = 0;
  for await (const c of idxChunks(h, 1)) out.set(c, (at += c.length) - c.length);
  return out;
}
