/**
 * Temporary files of atomic writes (atomic.ts names them `.<file>.<pid>.<hex>.tmp`) are left behind when
 * their writer dies between open and rename. Removed when a project is opened and at shutdown, but only
 * those whose writer is gone: a live trainer's (or this process's) write in flight is never touched.
 */
import type { Dirent } from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isPidAlive } from './liveness';

const TMP = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;
/** runs/<id>/snapshots/… is three levels below the project; figures and sweeps sit beside runs/. */
const MAX_DEPTH = 3;

/** The pid that wrote a temp file of ours, or undefined when the name is not one. */
export function tmpWriter(name: string): number | undefined {
  const m = TMP.exec(name);
  return m ? Number(m[1]) : undefined;
}

async function entries(dir: string): Promise<Dirent[]> {
  return readdir(dir, { withFileTypes: true }).catch(() => []);
}

/** Removes stale temp files under the project folder; returns their paths relative to it. */
export async function removeStaleTmp(
  projectDir: string,
  alive: (pid: number) => boolean = isPidAlive,
): Promise<string[]> {
  const removed: string[] = [];
  const walk = async (rel: string, depth: number): Promise<void> => {
    for (const e of await entries(join(projectDir, rel))) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      // Symlinks are neither followed nor removed: only what SOM Lab wrote inside the project.
      if (e.isDirectory() && depth < MAX_DEPTH && e.name !== 'trash') await walk(path, depth + 1);
      const pid = e.isFile() ? tmpWriter(e.name) : undefined;
      if (pid === undefined || pid === process.pid || alive(pid)) continue;
      if (
        await unlink(join(projectDir, path)).then(
          () => true,
          () => false,
        )
      )
        removed.push(path);
    }
  };
  await walk('', 0);
  return removed;
}
