/**
 * Which installed packages the desktop app leaves out. electron-builder ships every production
 * dependency with its whole tree, but the app needs only what its built bundles (out/main, out/preload)
 * name: the lab server's `ws`, the CLI's progress bars and the Node-side figure libraries stay out, and
 * so do the native tfjs packages where their install step never built the libtensorflow binding (their
 * tree pulls in all of @tensorflow/tfjs and core-js). Left out is a package reachable only through a
 * skipped one, found by walking package-lock.json the way Node resolves.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importedPackages } from './app-contents';

interface LockPackage {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  dev?: boolean;
}
export type Lock = { packages: Record<string, LockPackage> };

/**
 * Named by a bundle but never used by the app: tsx (with its esbuild binaries, 23 MB) is resolved only
 * by the fork transport; Electron runs trainers as utility processes from the bundled trainer entry.
 */
export const NAMED_NOT_USED = ['tsx'];
export const NATIVE_TFJS = ['@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu'];

/** Where Node finds `name` from the package installed at `from` (a lock key such as "node_modules/a"). */
function resolveIn(lock: Lock, from: string, name: string): string | null {
  for (let dir = from; ;) {
    const key = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (lock.packages[key]) return key;
    if (!dir) return null;
    const cut = dir.lastIndexOf('node_modules/');
    dir = cut <= 0 ? '' : dir.slice(0, cut - 1); // up one node_modules level
  }
}

/** Lock keys of every package reachable from the root's production dependencies, minus `skip` subtrees. */
export function reachable(lock: Lock, skip: readonly string[] = []): Set<string> {
  const root = lock.packages[''] ?? {};
  const seen = new Set<string>();
  const visit = (from: string, deps: Record<string, string>): void => {
    for (const name of Object.keys(deps)) {
      if (skip.includes(name)) continue;
      const key = resolveIn(lock, from, name);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const p = lock.packages[key]!;
      visit(key, { ...p.dependencies, ...p.optionalDependencies });
    }
  };
  visit('', { ...root.dependencies, ...root.optionalDependencies });
  return seen;
}

/** Lock keys reachable only through `skip` (the packages to leave out), sorted. */
export function leftOut(lock: Lock, skip: readonly string[]): string[] {
  const kept = reachable(lock, skip);
  return [...reachable(lock)].filter((k) => !kept.has(k)).sort();
}

/** A native tfjs package whose libtensorflow binding was built (lib/napi-v* /tfjs_binding.node). */
export function hasNativeBinding(projectDir: string, pkg: string): boolean {
  const lib = join(projectDir, 'node_modules', pkg, 'lib');
  return existsSync(lib) && readdirSync(lib).some((d) => existsSync(join(lib, d, 'tfjs_binding.node')));
}

/** The built bundles electron-builder packs (run `npm run build` first). */
export function bundleFiles(projectDir: string): string[] {
  const out = join(projectDir, 'out');
  if (!existsSync(join(out, 'main', 'index.js')))
    throw new Error(`${out}/main/index.js is missing: build the app first (npm run build)`);
  return ['main', 'preload'].flatMap((d) =>
    readdirSync(join(out, d), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.c?js$/.test(f))
      .map((f) => join(out, d, f)),
  );
}

/** Packages the bundles name (import, require, require.resolve), less NAMED_NOT_USED. */
export function packagesNamedByBundles(projectDir: string): Set<string> {
  const named = new Set<string>();
  for (const f of bundleFiles(projectDir)) {
    const { loads, resolves } = importedPackages(readFileSync(f, 'utf8'));
    for (const p of [...loads, ...resolves]) if (!NAMED_NOT_USED.includes(p)) named.add(p);
  }
  return named;
}

/** What this checkout's app leaves out, as electron-builder `files` exclusions. */
export function exclusionsFor(projectDir: string): { skipped: string[]; patterns: string[] } {
  const pkg = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const lock = JSON.parse(readFileSync(join(projectDir, 'package-lock.json'), 'utf8')) as Lock;
  const named = packagesNamedByBundles(projectDir);
  // The native tfjs packages are imported by a computed name, so they are kept by their binding instead.
  const skipped = [
    ...Object.keys(pkg.dependencies).filter((d) => !named.has(d)),
    ...NATIVE_TFJS.filter((p) => !hasNativeBinding(projectDir, p)),
  ];
  return { skipped, patterns: leftOut(lock, skipped).map((k) => `!${k}{,/**}`) };
}
