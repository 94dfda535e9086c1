/**
 * `somlab sweep --executor slurm --dry-run` prints the sbatch array script it would submit, and submits and
 * writes nothing: no sbatch is needed, the project folder is not created.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
let work = '';
afterAll(() => rm(work, { recursive: true, force: true }));

describe('somlab sweep --executor slurm --dry-run', () => {
  it('prints the script: one task per variant, %N, the resources, each task running its variant', async () => {
    work = await mkdtemp(join(tmpdir(), 'somlab-dry-'));
    const file = join(work, 'sweep.json');
    const project = join(work, 'project');
    const base = {
      kind: 'som',
      dataset: { source: 'builtin', name: 'colors' },
      som: { rows: 3, cols: 3, sigma: { start: 2, end: 0.5 } },
    };
    await writeFile(file, JSON.stringify({ name: 'dry', base, axes: [{ path: 'som.rows', values: [3, 4, 5] }] }));
    const args = ['sweep', '--executor', 'slurm', '--dry-run', '--sweep', file, '--project', project];
    const out = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/somlab.js'), ...args, '--parallel', '2', '--partition', 'short', '--time', '0:20:00'],
      // No Slurm on the PATH: a dry run must not need one.
      { encoding: 'utf8', env: { ...process.env, PATH: '/nonexistent' } },
    );
    expect(out.status, out.stderr).toBe(0);
    const text = out.stdout;
    expect(text.startsWith('#!/bin/')).toBe(true);
    const directives = text.split('\n').filter((l) => l.startsWith('#SBATCH'));
    expect(directives).toContain('#SBATCH --array=0-2%2');
    expect(directives).toContain('#SBATCH --partition=short');
    expect(directives).toContain('#SBATCH --time=0:20:00');
    expect(text).toMatch(/run --sweep '[^']+\/sweeps\/dry-[0-9a-f]+\/sweep\.json' --index "\$SLURM_ARRAY_TASK_ID"/);
    expect(text.trimEnd().endsWith(`--project '${project}'`)).toBe(true);
    expect(existsSync(project)).toBe(false);
  }, 60_000);
});
