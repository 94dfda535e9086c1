/**
 * A small JSON state file in the user's data folder (window bounds, granted folders): read once and
 * validated (a damaged or foreign file is set aside with a warning, never trusted), written whole
 * through the atomic writer, one write at a time.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { writeFileAtomic } from '../engine/runs/atomic';

export interface StateFile<T> {
  read(): Promise<T>;
  write(value: T): Promise<void>;
  /** Resolves when every write asked so far is on disk (or has failed and been reported). */
  settled(): Promise<void>;
}

export function stateFile<S extends z.ZodType>(
  path: string,
  schema: S,
  fallback: z.infer<S>,
  warn = console.warn,
): StateFile<z.infer<S>> {
  let queue: Promise<void> = Promise.resolve();
  return {
    async read() {
      const text = await readFile(path, 'utf8').catch(() => null);
      if (text === null) return fallback;
      try {
        const parsed = schema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
        warn(`somlab: ignoring ${path}: ${parsed.error.issues[0]?.message ?? 'unexpected content'}`);
      } catch (e) {
        warn(`somlab: ignoring ${path}: ${(e as Error).message}`);
      }
      return fallback;
    },
    write(value) {
      const next = queue.then(async () => {
        await mkdir(dirname(path), { recursive: true });
        await writeFileAtomic(path, JSON.stringify(value, null, 2));
      });
      queue = next.catch((e: Error) => warn(`somlab: could not save ${path}: ${e.message}`));
      return next;
    },
    settled: () => queue,
  };
}
