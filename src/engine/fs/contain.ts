/**
 * The one path-containment check. Every place that opens or creates a file on a client's behalf (dataset
 * folders, project folders, static files) resolves the path here first: relative paths against a base
 * folder (never the process's working directory), symlinks to their real targets, then the real path must
 * lie inside one of the real roots. A path outside the roots gets the same answer whether or not it exists,
 * so a client cannot probe the filesystem through error messages.
 */
import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { clip } from '../../shared/clip';

/** Refused paths: `what` names the kind of folder ("dataset folder", "project folder"). */
export class OutsideRootsError extends Error {
  constructor(
    readonly path: string,
    readonly what: string,
    readonly roots: readonly string[],
  ) {
    super(
      roots.length === 0
        ? `${what} ${clip(path)}: no ${what}s are allowed here`
        : `${what} ${clip(path)} is outside the allowed folders (${roots.join(', ')})`,
    );
    this.name = 'OutsideRootsError';
  }
}

/** `child` equals `parent` or lies below it (both already absolute and normalised). */
export function isInside(child: string, parent: string): boolean {
  if (child === parent) return true;
  const prefix = parent.endsWith(sep) ? parent : parent + sep;
  return child.startsWith(prefix);
}

/**
 * The real path of `abs`, or, where it does not exist yet, the real path of its nearest existing ancestor
 * with the missing tail appended (so a folder about to be created can be checked before it exists).
 */
export async function realPathOrAncestor(abs: string): Promise<{ real: string; exists: boolean }> {
  const missing: string[] = [];
  let at = abs;
  for (;;) {
    const real = await realpath(at).catch(() => null);
    if (real !== null)
      return { real: missing.length ? join(real, ...missing.reverse()) : real, exists: !missing.length };
    const up = dirname(at);
    if (up === at) return { real: abs, exists: false };
    missing.push(basename(at));
    at = up;
  }
}

export interface ContainOptions {
  /** Folders the path must lie in; compared by real path. */
  roots: readonly string[];
  /** What the path is, for messages: "dataset folder", "project folder". */
  what: string;
  /** Relative paths are resolved against this folder; defaults to the first root. */
  base?: string;
}

export interface Contained {
  /** The real path (symlinks resolved), inside a root. */
  real: string;
  /** Whether it exists now. */
  exists: boolean;
}

/** Resolves `path` and checks that its real path lies inside a root; throws OutsideRootsError otherwise. */
export async function containedPath(path: string, o: ContainOptions): Promise<Contained> {
  // No file has a NUL in its name; Node would throw on it later with the whole path in the message.
  if (path.includes('\0')) throw new Error(`${o.what} ${clip(JSON.stringify(path))}: a path cannot hold a NUL byte`);
  const base = o.base ?? o.roots[0];
  const abs = isAbsolute(path) || base === undefined ? resolve(path) : resolve(base, path);
  const realRoots = await Promise.all(o.roots.map(async (r) => (await realPathOrAncestor(resolve(r))).real));
  const { real, exists } = await realPathOrAncestor(abs);
  if (!realRoots.some((r) => isInside(real, r))) throw new OutsideRootsError(path, o.what, o.roots);
  return { real, exists };
}

/** Synchronous check for a walk that already holds real paths: is `real` inside one of `realRoots`? */
export const insideAny = (real: string, realRoots: readonly string[]): boolean =>
  realRoots.some((r) => isInside(real, r));
