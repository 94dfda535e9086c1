/**
 * Walks a dataset folder safely. Every entry is resolved to its real path and must stay inside the folder the
 * user chose (which itself lies inside the allowed roots): a symlink that leads outside, to a file or to a
 * folder, is not followed and is reported as a warning. Real paths also make a symlink loop visit once; depth
 * and file counts are bounded, and every file is classified by its first bytes (detect.ts), never by its name.
 * Files are named in messages by their path relative to the chosen folder.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isInside } from '../../fs/contain';
import { firstFew } from '../problems';
import { DatasetError } from '../types';
import { sniff, type FileKind } from './detect';

export interface Entry {
  /** Real path (symlinks resolved, inside the folder): what is opened. */
  path: string;
  /** Path relative to the chosen folder, as the user sees it: what messages name. */
  rel: string;
  size: number;
  kind: FileKind;
}

/** A walked dataset folder: its files, how to name it, and warnings met so far. */
export interface Folder {
  /** Real path of the chosen folder. */
  root: string;
  /** How messages name the folder itself (the path as the user gave it). */
  label: string;
  entries: Entry[];
  /** Sub-folders (relative paths) that were walked. */
  dirs: string[];
  warnings: string[];
}

const MAX_FILES = 200_000;
const MAX_DEPTH = 4;
/** Above this a file cannot be one Node buffer anyway; say so instead of failing deep in fs. */
const MAX_FILE_BYTES = 2 ** 31 - 1;

const why = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** A whole data file as bytes; read errors and oversized files become a DatasetError naming the file. */
export async function readData(e: Pick<Entry, 'path' | 'rel'>): Promise<Buffer> {
  const st = await stat(e.path).catch((err) => {
    throw new DatasetError(e.rel, `cannot be read (${why(err)})`);
  });
  if (st.size > MAX_FILE_BYTES)
    throw new DatasetError(e.rel, `is ${st.size} bytes; files over 2 GiB are not supported`);
  return readFile(e.path).catch((err) => {
    throw new DatasetError(e.rel, `cannot be read (${why(err)})`);
  });
}

export async function walk(chosen: string, label = chosen): Promise<Folder> {
  const st = await stat(chosen).catch(() => null);
  if (!st) throw new DatasetError(label, 'does not exist or cannot be read');
  if (!st.isDirectory()) throw new DatasetError(label, 'is a file; choose the folder that holds the dataset');
  const root = await realpath(chosen);
  const seen = new Set<string>();
  const entries: Entry[] = [];
  const dirs: string[] = [];
  const outside: string[] = [],
    dangling: string[] = [];
  async function visit(dir: string, rel: string, depth: number): Promise<void> {
    if (seen.has(dir) || depth > MAX_DEPTH) return; // a symlink loop, or too deep
    seen.add(dir);
    if (rel) dirs.push(rel);
    const names = await readdir(dir).catch((e) => {
      throw new DatasetError(rel || label, `cannot be listed (${why(e)})`);
    });
    for (const name of names.filter((n) => !n.startsWith('.')).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      const real = await realpath(join(dir, name)).catch(() => null);
      if (real === null) dangling.push(r);
      else if (!isInside(real, root)) outside.push(r);
      else await add(real, r, depth);
    }
  }
  async function add(real: string, rel: string, depth: number): Promise<void> {
    const s = await stat(real).catch(() => null);
    if (s?.isDirectory()) await visit(real, rel, depth + 1);
    else if (s?.isFile()) {
      if (entries.length >= MAX_FILES)
        throw new DatasetError(label, `holds more than ${MAX_FILES} files; point at a smaller folder`);
      entries.push({ path: real, rel, size: s.size, kind: await sniff(real, s.size) });
    }
  }
  await visit(root, '', 0);
  const warnings: string[] = [];
  if (outside.length > 0)
    warnings.push(
      `${outside.length} symlink${outside.length === 1 ? ' leads' : 's lead'} outside the dataset folder and ` +
        `${outside.length === 1 ? 'was' : 'were'} not followed: ${firstFew(outside)}`,
    );
  if (dangling.length > 0)
    warnings.push(
      `${dangling.length} broken symlink${dangling.length === 1 ? '' : 's'} skipped: ${firstFew(dangling)}`,
    );
  return { root, label, entries, dirs, warnings };
}
