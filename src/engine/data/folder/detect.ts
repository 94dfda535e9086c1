/**
 * What a file holds, judged by its first bytes (magic numbers, headers, record structure), never by its name;
 * and which dataset format a folder of such files is. Files that are clearly meant as one format but are
 * broken (an IDX with a bad magic, a CIFAR batch of the wrong size) are recognised as such, so the loader can
 * say what is wrong with them instead of "not recognised".
 */
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { CSV_OPTIONS } from './csv-records';
import type { DatasetFormat } from '../types';
import { CIFAR_RECORD, cifarLabelsOk, gunzipHead, isBinary, isBrokenIdx, isIdx, recordStarts } from './magic';

export type FileKind = 'idx' | 'idx-bad' | 'png' | 'jpeg' | 'csv' | 'cifar' | 'other';

const HEAD_BYTES = 4096;
/** Label bytes sampled at record starts beyond the head, to tell a CIFAR batch from other binary files. */
const CIFAR_PROBES = 16;

/** The records of a CSV head (the same parser and options as the loader); a cut-off last record is dropped. */
function headRecords(text: string, cut: boolean): string[][] {
  const body = cut ? text.slice(0, Math.max(0, text.lastIndexOf('\n'))) : text;
  try {
    return parse(body, { ...CSV_OPTIONS, skip_records_with_error: true }); // the loader reports the bad ones
  } catch {
    return [];
  }
}

/**
 * CSV: no NUL bytes, and the first two records hold the same number (≥ 2) of fields; a lone record with
 * commas counts too (a header without rows, or one longer than the sniffed head), so it gets the CSV
 * loader's error.
 */
function looksLikeCsv(head: Uint8Array, cut: boolean): boolean {
  const text = Buffer.from(head).toString('utf8');
  if (text.includes('\u0000')) return false;
  let records = headRecords(text, cut);
  if (records.length === 0 && cut) records = headRecords(text, false).slice(0, 1); // one long header row
  if (records.length === 1) return records[0]!.length >= 2;
  return records.length >= 2 && records[0]!.length >= 2 && records[0]!.length === records[1]!.length;
}

/** `labels`: bytes at CIFAR record starts, when the caller read more of the file than `head`. */
export function kindOf(head: Uint8Array, size: number, labels: ArrayLike<number> = recordStarts(head)): FileKind {
  if (size === 0) return 'other';
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const inner = gunzipHead(head);
    if (inner && isIdx(inner)) return 'idx';
    return inner && isBrokenIdx(inner, 0, true) ? 'idx-bad' : 'other';
  }
  if (isIdx(head)) return 'idx';
  if (isBrokenIdx(head, size, false)) return 'idx-bad';
  if (looksLikeCsv(head, head.length < size)) return 'csv';
  if (size >= CIFAR_RECORD && isBinary(head) && cifarLabelsOk(labels)) return 'cifar';
  return 'other';
}

/** Reads the first 4 KiB of a file (and a few CIFAR label bytes further on) and classifies it. */
export async function sniff(path: string, size: number): Promise<FileKind> {
  if (size === 0) return 'other';
  const fh = await open(path, 'r').catch(() => null);
  if (!fh) return 'other';
  try {
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    const got = head.subarray(0, bytesRead);
    const labels = recordStarts(got);
    const records = Math.ceil(size / CIFAR_RECORD);
    if (labels.length > 0 && labels[0]! < 10 && records > labels.length) {
      const probe = Buffer.alloc(1);
      for (let k = labels.length; k < Math.min(records, CIFAR_PROBES); k++) {
        await fh.read(probe, 0, 1, k * CIFAR_RECORD);
        labels.push(probe[0]!);
      }
    }
    return kindOf(got, size, labels);
  } finally {
    await fh.close();
  }
}

/**
 * The folder's format from its files' kinds. IDX files outrank images (a stray image beside MNIST files
 * is a thumbnail, not a class), images outrank CIFAR batches, and CSV comes last (notes often have commas).
 */
export function detectFormat(kinds: readonly FileKind[]): Exclude<DatasetFormat, 'builtin' | 'inline'> | null {
  const has = (k: FileKind) => kinds.includes(k);
  if (has('idx') || has('idx-bad')) return 'mnist-idx';
  if (has('png') || has('jpeg')) return 'image-folder';
  if (has('cifar')) return 'cifar10';
  if (has('csv')) return 'csv';
  return null;
}
