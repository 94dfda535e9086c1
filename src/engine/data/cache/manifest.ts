/**
 * What a dataset cache holds and what it was made from. The manifest is written last (atomically), so a
 * cache without one is unfinished; it names every source file with its size and modification time (and a
 * content hash for small files, whose mtime may not change within a second), and the row count of each
 * split, so a changed source or a truncated array file is caught before anything is read.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import type { Folder } from '../folder/walk';

export const CACHE_VERSION = 1;
/** Files up to this size are fingerprinted by content as well. */
const HASH_BELOW = 1 << 20;

const SourceSchema = z.object({
  rel: z.string(),
  size: z.number().int().min(0),
  mtimeMs: z.number(),
  sha1: z.string().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const ManifestSchema = z.object({
  version: z.literal(CACHE_VERSION),
  name: z.string(),
  format: z.enum(['mnist-idx', 'cifar10', 'image-folder', 'csv']),
  source: z.string(),
  shape: z.array(z.number().int().positive()),
  classes: z.array(z.string()),
  warnings: z.array(z.string()),
  train: z.object({ count: z.number().int().min(1) }),
  test: z.object({ count: z.number().int().min(1) }).optional(),
  sources: z.array(SourceSchema),
  /** Bytes of the array files, for the preview. */
  bytes: z.number().int().min(0),
  createdAt: z.string(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** Size, mtime (and hash for small files) of every file in the folder, in walk order. */
export async function fingerprint(f: Folder): Promise<Source[]> {
  return Promise.all(
    f.entries.map(async (e) => {
      const s = await stat(e.path);
      const sha1 =
        s.size < HASH_BELOW
          ? createHash('sha1')
              .update(await readFile(e.path))
              .digest('hex')
          : undefined;
      return { rel: e.rel, size: s.size, mtimeMs: s.mtimeMs, ...(sha1 ? { sha1 } : {}) };
    }),
  );
}

/** Why the cache's sources differ from the folder now, or null when they are the same. */
export function sourcesChanged(was: readonly Source[], now: readonly Source[]): string | null {
  if (was.length !== now.length) return `the folder held ${was.length} files, now ${now.length}`;
  for (let i = 0; i < now.length; i++) {
    const a = was[i]!,
      b = now[i]!;
    if (a.rel !== b.rel) return `${b.rel} is new`;
    if (a.size !== b.size || a.mtimeMs !== b.mtimeMs || a.sha1 !== b.sha1) return `${b.rel} changed`;
  }
  return null;
}
