/** Host calls about the project's files on disk that have no home in the engine: revealing, roots. */
import { containedPath } from '../engine/fs/contain';

/** Roots given as a list or as a function of the moment (Electron's folders grow as the user picks). */
export type Roots = readonly string[] | (() => readonly string[]);
export const rootsNow = (r: Roots): readonly string[] => (typeof r === 'function' ? r() : r);

/**
 * Shows `projectPath` (relative to the open project, e.g. `runs/<id>`) in the file manager through
 * `reveal`; the path must exist inside the project (symlinks resolved). False where there is no reveal.
 */
export async function revealInProject(
  projectDir: string,
  projectPath: string,
  reveal: ((abs: string) => void | Promise<void>) | undefined,
): Promise<boolean> {
  if (!reveal) return false;
  const found = await containedPath(projectPath, { roots: [projectDir], base: projectDir, what: 'project file' });
  if (!found.exists) throw new Error(`project file ${projectPath} does not exist`);
  await reveal(found.real);
  return true;
}
