/**
 * What a file holds, judged by its first bytes (magic numbers, headers), never by its name; and which
 * dataset format a folder of such files is.
 */
import { open } from 'node:fs/promises';
import { constants, gunzipSync } from 'node:zlib';
import type { DatasetFormat } from '../types';

export type FileKind = 'idx' | 'png' | 'jpeg' | 'csv' | 'cifar' | 'other';

const HEAD_BYTES = 4096;
export const CIFAR_RECORD = 3073;
/** IDX element types (0x08 unsigned byte … 0x0E double); the parser says which it supports. */
const IDX_TYPES = new Set([0x08, 0x09, 0x0b, 0x0c, 0x0d, 0x0e]);

const isIdx = (b: Uint8Array): boolean =>
  b.length >= 4 && b[0] === 0 && b[1] === 0 && IDX_TYPES.has(b[2]!) && b[3]! >= 1 && b[3]! <= 4;

/** The first bytes of a gzip stream's content, or null when it is not readable gzip. */
export function gunzipHead(head: Uint8Array): Uint8Array | null {
  try {
    // SYNC_FLUSH lets a cut-off stream inflate as far as it goes instead of throwing.
    return gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 1 << 21 });
  } catch {
    return null;
  }
}

/** Splits one line on commas outside double quotes; "" inside quotes is a literal quote. */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cell = '',
    quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === ',') {
      out.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  out.push(cell.trim());
  return out;
}

/**
 * CSV: no NUL bytes, and the first two lines hold the same number (≥ 1) of commas; a lone line with commas
 * counts too (a header without rows, or one longer than the sniffed head), so it gets the CSV loader's error.
 */
function looksLikeCsv(head: Uint8Array, cut: boolean): boolean {
  const text = Buffer.from(head).toString('utf8');
  if (text.includes('\u0000')) return false;
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (cut && lines.length > 1) lines.pop(); // the head ends mid-line
  const commas = (l: string) => splitCsvLine(l).length - 1;
  if (lines.length === 1) return commas(lines[0]!) >= 1;
  return lines.length >= 2 && commas(lines[0]!) >= 1 && commas(lines[0]!) === commas(lines[1]!);
}

export function kindOf(head: Uint8Array, size: number): FileKind {
  if (size === 0) return 'other';
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const inner = gunzipHead(head);
    return inner && isIdx(inner) ? 'idx' : 'other';
  }
  if (isIdx(head)) return 'idx';
  if (size % CIFAR_RECORD === 0 && head[0]! < 10) return 'cifar';
  return looksLikeCsv(head, head.length < size) ? 'csv' : 'other';
}

/** Reads at most the first 4 KiB of a file and classifies it; unreadable files are 'other'. */
export async function sniff(path: string, size: number): Promise<FileKind> {
  if (size === 0) return 'other';
  const fh = await open(path, 'r').catch(() => null);
  if (!fh) return 'other';
  try {
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    return kindOf(head.subarray(0, bytesRead), size);
  } finally {
    await fh.close();
  }
}

/**
 * The folder's format from its files' kinds. IDX files outrank images (a stray image beside MNIST files
 * is a thumbnail, not a class), images outrank CIFAR batches, and CSV comes last (notes often have commas).
 */
export function detectFormat(kinds: readonly FileKind[]): Exclude<DatasetFormat, 'builtin'> | null {
  const has = (k: FileKind) => kinds.includes(k);
  if (has('idx')) return 'mnist-idx';
  if (has('png') || has('jpeg')) return 'image-folder';
  if (has('cifar')) return 'cifar10';
  if (has('csv')) return 'csv';
  return null;
}
