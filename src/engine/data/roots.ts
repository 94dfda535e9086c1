/**
 * Where a dataset folder may be. Under the lab server it must lie inside the --data roots, checked by the one
 * containment check (fs/contain.ts): a relative path is resolved against the roots (the first root that holds
 * it), never the server's working directory, and a path outside them gets the same answer whether or not it
 * exists. Where the user picked the folder themselves (Electron, the CLI) any existing folder is allowed.
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { containedPath, OutsideRootsError, type Contained } from '../fs/contain';
import { DatasetError } from './types';

const WHAT = 'dataset folder';

async function inRoots(path: string, roots: readonly string[]): Promise<Contained> {
  // A relative path may be meant under any root: the first root where it exists wins, else the first inside.
  const bases = isAbsolute(path) ? [undefined] : roots;
  let first: Contained | undefined;
  for (const base of bases) {
    const c = await containedPath(path, { roots, what: WHAT, base }).catch((e: unknown) => {
      if (e instanceof OutsideRootsError) return undefined;
      throw e;
    });
    if (c?.exists) return c;
    first ??= c;
  }
  if (!first) throw new OutsideRootsError(path, WHAT, roots);
  return first;
}

/** The real path of the dataset folder `path`, checked against `roots` (undefined: any folder). */
export async function resolveDatasetFolder(path: string, roots: readonly string[] | undefined): Promise<string> {
  if (roots === undefined) {
    return realpath(resolve(path)).catch(() => {
      throw new DatasetError(path, 'does not exist or cannot be read');
    });
  }
  if (roots.length === 0)
    throw new DatasetError(
      path,
      'dataset folders are not enabled here: start the lab with --data DIR to allow folders under DIR',
    );
  const where = await inRoots(path, roots).catch((e: unknown) => {
    if (e instanceof OutsideRootsError)
      throw new DatasetError(path, `is outside the allowed dataset folders (${roots.join(', ')})`);
    throw e;
  });
  if (!where.exists) throw new DatasetError(path, 'does not exist or cannot be read');
  return where.real;
}
