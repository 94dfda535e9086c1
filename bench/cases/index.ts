/**
 * Every bench case, found by looking: each module in this folder may export BenchCase objects (or arrays of
 * them), so a new case is one new file (helpers such as nets-raw.ts export none and are ignored).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchCase } from './types';

/** Table order by name prefix (the workloads of the brief first); anything else follows, by name. */
const ORDER = ['som-step', 'mlp', 'cnn', 'som-mask'];

function isCase(v: unknown): v is BenchCase {
  const c = v as Partial<BenchCase> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.name === 'string' &&
    typeof c.batch === 'number' &&
    typeof c.setup === 'function'
  );
}

function rank(c: BenchCase): number {
  const i = ORDER.findIndex((p) => c.name.startsWith(`${p} `));
  return i < 0 ? ORDER.length : i;
}

export async function loadCases(): Promise<BenchCase[]> {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const files = readdirSync(dir)
    .filter((f) => /\.ts$/.test(f) && !/\.test\.ts$|^index\.ts$|^types\.ts$/.test(f))
    .sort();
  const found: BenchCase[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(`${dir}${f}`).href)) as Record<string, unknown>;
    found.push(
      ...Object.values(mod)
        .flatMap((v) => (Array.isArray(v) ? (v as unknown[]) : [v]))
        .filter(isCase),
    );
  }
  const names = new Set<string>();
  for (const c of found) {
    if (names.has(c.name)) throw new Error(`two bench cases are named "${c.name}"; names must be unique`);
    names.add(c.name);
  }
  return found.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
