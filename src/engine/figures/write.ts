/**
 * Every figure file goes into the project, through the one containment check: a path is built from
 * validated pieces, resolved (symlinks included) and must lie inside the project folder; then it is written
 * whole and atomically.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { containedPath } from '../fs/contain';
import { writeFileAtomic } from '../runs';

/** Writes `data` at `rel` (a path relative to the project) and returns `rel`. */
export async function writeInProject(projectDir: string, rel: string, data: string | Uint8Array): Promise<string> {
  const { real } = await containedPath(join(projectDir, rel), { roots: [projectDir], what: 'figure file' });
  await mkdir(dirname(real), { recursive: true });
  await writeFileAtomic(real, data);
  return rel;
}
