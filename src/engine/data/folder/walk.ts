/**
 * Walks a dataset folder safely: real paths are tracked so a symlink loop is visited once, depth and file
 * counts are bounded, and every file is classified by its first bytes, never by its name.
 */
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasetError } from '../types';

export type FileKind = 'idx' | 'gzip' | 'png' | 'jpeg' | 'csv' | 'cifar' | 'other';

export interface Entry { path: string; rel: string; size: number; kind: FileKind }

const MAX_FILES = 200_000;
const MAX_DEPTH = 4;

export async function sniff(path: string, size: number): Promise<FileKind> {
  if (size === 0) return 'other';
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(512, size));
    await fh.read(head, 0, head.length, 0);
    if (head[0] === 0x89 && head.subarray(1, 4).toString('latin1') === 'PNG') return 'png';
    if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
    if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
    if (head[0] === 0 && head[1] === 0 && head[2] === 0x08 && head[3]! >= 1 && head[3]! <= 4) return 'idx';
    if (size % 3073 === 0 && head[0]! < 10) return 'cifar';
    const text = head.toString('utf8');
    if (!text.includes('\u0000') && /^[^\n]*,[^\n]*(\r?\n|$)/.test(text)) return 'csv';
    return 'other';
  } finally {
    await fh.close();
  }
}

export async function walk(root: string): Promise<Entry[]> {
  const seen = new Set<string>();
  const out: Entry[] = [];
  async function visit(dir: string, rel: string, depth: number): Promise<void> {
    const real = await realpath(dir);
    if (seen.has(real) || depth > MAX_DEPTH) return; // symlink loop or too deep
    seen.add(real);
    const names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
    for (const name of names) {
      const path = join(dir, name), r = rel ? `${rel}/${name}` : name;
      const st = await stat(path).catch(() => null); // dangling links are skipped
      if (!st) continue;
      if (st.isDirectory()) await visit(path, r, depth + 1);
      else if (st.isFile()) {
        if (out.length >= MAX_FILES) throw new DatasetError(root, `holds more than ${MAX_FILES} files; point at a smaller folder`);
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
