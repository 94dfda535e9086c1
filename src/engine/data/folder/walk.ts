/**
 * Walks a dataset folder safely: real paths are tracked so a symlink loop is visited once, depth and file
 * counts are bounded, and every file is classified by its first bytes (detect.ts), never by its name.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasetError } from '../types';
import { sniff, type FileKind } from './detect';

export interface Entry {
  path: string;
  rel: string;
  size: number;
  kind: FileKind;
}

const MAX_FILES = 200_000;
const MAX_DEPTH = 4;
/** Above this a file cannot be one Node buffer anyway; say so instead of failing deep in fs. */
const MAX_FILE_BYTES = 2 ** 31 - 1;

const why = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** A whole data file as bytes; read errors and oversized files become a DatasetError naming the file. */
export async function readData(path: string): Promise<Buffer> {
  const st = await stat(path).catch((e) => {
    throw new DatasetError(path, `cannot be read (${why(e)})`);
  });
  if (st.size > MAX_FILE_BYTES) throw new DatasetError(path, `is ${st.size} bytes; files over 2 GiB are not supported`);
  return readFile(path).catch((e) => {
    throw new DatasetError(path, `cannot be read (${why(e)})`);
  });
}

export async function walk(root: string): Promise<Entry[]> {
  const seen = new Set<string>();
  const out: Entry[] = [];
  async function visit(dir: string, rel: string, depth: number): Promise<void> {
    const real = await realpath(dir).catch(() => null);
    if (real === null || seen.has(real) || depth > MAX_DEPTH) return; // dangling, a symlink loop, or too deep
    seen.add(real);
    const names = (
      await readdir(dir).catch((e) => {
        throw new DatasetError(dir, `cannot be listed (${why(e)})`);
      })
    )
      .filter((n) => !n.startsWith('.'))
      .sort();
    for (const name of names) {
      const path = join(dir, name),
        r = rel ? `${rel}/${name}` : name;
      const st = await stat(path).catch(() => null); // dangling links are skipped
      if (!st) continue;
      if (st.isDirectory()) await visit(path, r, depth + 1);
      else if (st.isFile()) {
        if (out.length >= MAX_FILES)
          throw new DatasetError(root, `holds more than ${MAX_FILES} files; point at a smaller folder`);
        out.push({ path, rel: r, size: st.size, kind: await sniff(path, st.size) });
      }
    }
  }
  const st = await stat(root).catch(() => null);
  if (!st) throw new DatasetError(root, 'does not exist or cannot be read');
  if (!st.isDirectory()) throw new DatasetError(root, 'is a file; choose the folder that holds the dataset');
  await visit(root, '', 0);
  return out;
}
