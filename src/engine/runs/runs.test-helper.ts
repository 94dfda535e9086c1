/** Temp folders and fixtures for the run-store tests (test-only; not exported from index.ts). */
import { mkdtemp, rm, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createProject } from './project';

export const COLOURS_SPEC = {
  kind: 'som',
  dataset: { source: 'builtin', name: 'colors' },
  som: { rows: 2, cols: 3, sigma: { start: 2, end: 0.5 } },
} as const;

/** A fresh temp folder per call, removed after the test. */
export function useTempDirs(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });
  return async () => {
    const d = await mkdtemp(join(tmpdir(), 'somlab-runs-'));
    made.push(d);
    return d;
  };
}

export async function newProject(tempDir: () => Promise<string>): Promise<string> {
  const dir = join(await tempDir(), 'project');
  await createProject(dir, 'test project');
  return dir;
}

/** Every file under `dir`, relative, sorted (to check that no temp files are left behind). */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}
