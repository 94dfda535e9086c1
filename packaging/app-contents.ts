/** Reading a packed app back: what app.asar holds, what the bundles import, how big it all is. */
import { listPackage, statFile } from '@electron/asar';
import { builtinModules } from 'node:module';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface AsarEntry {
  /** Path inside the archive, without a leading slash ("out/main/index.js"). */
  path: string;
  size: number;
  /** Stored beside the archive in app.asar.unpacked. */
  unpacked: boolean;
}

/** Every file (not folder) in the archive. */
export function asarFiles(asar: string): AsarEntry[] {
  const out: AsarEntry[] = [];
  for (const p of listPackage(asar, { isPack: false })) {
    const path = p.replace(/^[/\\]/, '').replaceAll('\\', '/');
    const st = statFile(asar, path, false) as { size?: number; unpacked?: boolean; files?: unknown };
    if (st.files !== undefined || st.size === undefined) continue;
    out.push({ path, size: st.size, unpacked: st.unpacked === true });
  }
  return out;
}

/** The package a bare specifier names ("@scope/pkg/sub" → "@scope/pkg"); null for relative and builtins. */
export function packageOf(specifier: string): string | null {
  if (/^[./]/.test(specifier) || specifier.startsWith('node:') || builtinModules.includes(specifier)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/**
 * Packages a built bundle names: `loads` by static and dynamic import or require(), `resolves` by
 * require.resolve() of a literal (a path looked up, maybe only on a code path the app never takes).
 */
export function importedPackages(code: string): { loads: Set<string>; resolves: Set<string> } {
  const spec = String.raw`["']([\w@:.][\w@:./-]*)["']`;
  const find = (patterns: string[]): Set<string> => {
    const found = new Set<string>();
    for (const p of patterns)
      for (const m of code.matchAll(new RegExp(p, 'g'))) {
        const pkg = packageOf(m[1]!);
        if (pkg) found.add(pkg);
      }
    return found;
  };
  return {
    loads: find([
      String.raw`\bfrom\s*${spec}`,
      String.raw`\bimport\s*${spec}`,
      String.raw`\bimport\(\s*${spec}\s*\)`,
      String.raw`\brequire\d*\(\s*${spec}\s*\)`,
    ]),
    resolves: find([String.raw`\bresolve\(\s*${spec}\s*\)`]),
  };
}

/** Total size of the files under a folder (0 when it does not exist). */
export async function folderSize(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  let total = 0;
  for (const e of entries) if (e.isFile()) total += (await stat(join(e.parentPath, e.name))).size;
  return total;
}

export const MB = 1024 * 1024;
