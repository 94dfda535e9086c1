/**
 * Folders named on the command line: `somlab ~/my-project` (packaged), `electron . ~/my-project` (from
 * a checkout), or the argv a second instance hands over. Switches (`--no-sandbox`, Chromium's own) and
 * Electron's own path arguments are skipped; relative paths resolve against the caller's folder.
 */
import { resolve } from 'node:path';

export function pathsFromArgv(argv: readonly string[], o: { packaged: boolean; cwd: string }): string[] {
  // Packaged: [exe, ...args]. From a checkout: [electron, appPath, ...args], switches anywhere.
  const plain = argv.slice(1).filter((a) => a.length > 0 && !a.startsWith('-'));
  return (o.packaged ? plain : plain.slice(1)).map((a) => resolve(o.cwd, a));
}
