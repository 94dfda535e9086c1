/** Dataset folders must lie inside the roots the user allowed (lab server --data); real paths compared. */
import { realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { DatasetError } from './types';

export async function checkInsideRoots(path: string, roots: string[] | undefined): Promise<string> {
  const abs = resolve(path);
  const real = await realpath(abs).catch(() => {
    throw new DatasetError(abs, 'does not exist or cannot be read');
  });
  if (roots === undefined) return real;
  if (roots.length === 0)
    throw new DatasetError(
      abs,
      'dataset folders are not enabled here: start the lab with --data DIR to allow folders under DIR',
    );
  for (const root of roots) {
    const r = await realpath(resolve(root)).catch(() => resolve(root));
    if (real === r || real.startsWith(r + sep)) return real;
  }
  throw new DatasetError(abs, `is outside the allowed dataset folders (${roots.join(', ')})`);
}
