/** Tiny dataset files written by the tests into temp folders (IDX, PNG/JPEG), and an error checker. */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { expect } from 'vitest';
import { DatasetError } from './types';

const made: string[] = [];

export async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'somlab-data-'));
  made.push(d);
  return d;
}

export async function removeTempDirs(): Promise<void> {
  for (const d of made.splice(0)) await rm(d, { recursive: true, force: true });
}

/** An IDX file: magic 00 00 TYPE NDIM, big-endian dimension sizes, then the body bytes. */
export function idx(dims: number[], body: number[] | Uint8Array, type = 0x08): Buffer {
  const head = Buffer.alloc(4 + 4 * dims.length);
  head.writeUInt8(type, 2);
  head.writeUInt8(dims.length, 3);
  dims.forEach((d, i) => head.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([head, Buffer.from(body)]);
}

/** A flat-colour image; `grey` writes a true 1-channel PNG. */
export async function image(
  path: string,
  w: number,
  h: number,
  v: number,
  format: 'png' | 'jpeg' | 'grey' = 'png',
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const img = sharp({ create: { width: w, height: h, channels: 3, background: { r: v, g: v, b: v } } });
  if (format === 'jpeg') await img.jpeg({ quality: 100 }).toFile(path);
  else if (format === 'grey') await img.toColourspace('b-w').png().toFile(path);
  else await img.png().toFile(path);
}

/** Asserts the promise rejects with a DatasetError naming `file` and containing `problem`. */
export async function expectDatasetError(p: Promise<unknown>, file: string, problem: string): Promise<void> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DatasetError);
  expect((err as DatasetError).file).toBe(file);
  expect((err as DatasetError).message).toContain(problem);
}

export const round = (a: ArrayLike<number>): number[] => Array.from(a, (v) => +v.toFixed(4));
