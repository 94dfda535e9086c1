/**
 * Whole-file writes that never leave a half-written file behind: a crash mid-write leaves either the old
 * file or the new one, because the data goes to a temp file in the same folder (same file system, so the
 * rename is atomic), is fsynced, and only then renamed over the target.
 */
import { open, rename, unlink, appendFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Temp names start with a dot, so listings that skip hidden files never see them. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } catch (e) {
    await fh.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fh.close();
  try {
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/**
 * JSON that keeps NaN and ±Infinity (a diverging loss is worth seeing): they are written as the strings
 * "NaN", "Infinity", "-Infinity" and turned back into numbers by `parseJsonNumbers`.
 */
export function stringifyJson(value: unknown, indent?: number): string {
  return JSON.stringify(
    value,
    (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v),
    indent,
  );
}

const SPECIAL: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/** Undoes `stringifyJson` on a record of numbers (a metrics row, final metrics); other values pass unchanged. */
export function reviveNumbers(obj: unknown): unknown {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return obj;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = typeof v === 'string' && v in SPECIAL ? SPECIAL[v] : v;
  return out;
}

export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, stringifyJson(value, 2) + '\n');
}

/**
 * Appends one JSON line per object in a single write, so a flush is one append (a crash tears at most the
 * last line).
 */
export async function appendLines(path: string, objs: readonly unknown[]): Promise<void> {
  if (objs.length === 0) return;
  await appendFile(path, objs.map((o) => stringifyJson(o) + '\n').join(''));
}

export async function appendLine(path: string, obj: unknown): Promise<void> {
  await appendLines(path, [obj]);
}
