/**
 * The Slurm executor on a real Slurm: scripts/slurm-up.sh starts a one-node cluster on this machine
 * (slurmctld + slurmd on localhost, munge), then `somlab sweep --executor slurm` submits a 4-variant sweep
 * through sbatch and follows it while a lab (LabHost) watches the project. One variant reads a dataset
 * folder that does not exist yet, so it fails; once the folder is there, `somlab slurm resubmit` re-runs
 * only that one. Skips, saying why, where Slurm cannot start (no root, slurm-wlm/munge not installed).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LabHost } from '../../host/lab-host';
import type { RunSummary } from '../../shared/project';
import { listRuns } from '../../engine/runs';

const ROOT = resolve(import.meta.dirname, '../../..');
const work = spawnSync('mktemp', ['-d', join(tmpdir(), 'somlab-slurm-XXXXXX')], { encoding: 'utf8' }).stdout.trim();
const up = spawnSync('bash', [join(ROOT, 'scripts/slurm-up.sh'), join(work, 'slurm')], { encoding: 'utf8' });
const skipReason = up.status === 0 ? '' : up.stderr.trim() || `slurm-up.sh exited ${up.status}`;
if (skipReason) console.warn(`Slurm sweep test skipped: ${skipReason}`);
else process.env.SLURM_CONF = join(work, 'slurm', 'slurm.conf');

afterAll(async () => {
  spawnSync('bash', [join(ROOT, 'scripts/slurm-down.sh'), join(work, 'slurm')], { stdio: 'inherit' });
  await rm(work, { recursive: true, force: true });
});

/** Runs somlab as a user would; resolves with its exit code and output. */
function somlab(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/somlab.js'), ...args], { env: process.env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => done({ code: code ?? 1, out }));
  });
}

const som = { rows: 4, cols: 4, init: 'random', sigma: { start: 2, end: 0.5 } };
const sweep = (lateData: string) => ({
  name: 'slurm colours',
  base: {
    kind: 'som',
    dataset: { source: 'builtin', name: 'colors', trainLimit: 64, testLimit: 32 },
    epochs: 2,
    batchSize: 32,
    snapshotEvery: 2,
    probeCount: 4,
    som,
  },
  axes: [
    {
      name: 'case',
      cases: [
        { label: 'σ 1', patch: { som: { sigma: { start: 1 } } } },
        { label: 'σ 2', patch: {} },
        { label: 'σ 3', patch: { som: { sigma: { start: 3 } } } },
        { label: 'late data', patch: { dataset: { source: 'folder', path: lateData } } },
      ],
    },
  ],
});

describe.skipIf(!!skipReason)('the Slurm executor on a one-node Slurm', () => {
  it('runs every variant through sbatch into the project, watched by the lab; resubmits only the failed', async () => {
    const project = join(work, 'project');
    const lateData = join(work, 'late-data');
    const file = join(work, 'sweep.json');
    await writeFile(file, JSON.stringify(sweep(lateData)));
    const lab = new LabHost({ dataRoots: null, projectRoots: null });
    await lab.call('project:create', [project, 'slurm test']);
    const seen = new Map<string, Set<string>>();
    const watch = setInterval(async () => {
      const runs = (await lab.call('runs:list', []).catch(() => [])) as RunSummary[];
      for (const r of runs) seen.set(r.id, (seen.get(r.id) ?? new Set()).add(r.status));
    }, 250);
    try {
      const first = await somlab([
        'sweep',
        '--executor',
        'slurm',
        '--sweep',
        file,
        '--project',
        project,
        '--parallel',
        '2',
      ]);
      expect(first.code, first.out).toBe(1);
      const id = /sweep (\S+): submitted array job (\d+)/.exec(first.out)?.[1];
      expect(id, first.out).toBeDefined();
      // The failed task is listed with its Slurm state and its log, and the one command that re-runs it.
      const failedLine = first.out.split('\n').find((l) => l.startsWith('  3 late data: '));
      expect(failedLine, first.out).toMatch(/: FAILED exit 1:0; log (\S+_3\.out)$/);
      const log = /log (\S+)$/.exec(failedLine!)![1]!;
      expect(await readFile(log, 'utf8')).toContain('late-data');
      expect(first.out).toContain(`somlab slurm resubmit ${id} --project '${project}'`);

      await mkdir(lateData);
      await writeFile(join(lateData, 'data.csv'), 'r,g,b,label\n' + csvRows(48));
      const again = await somlab(['slurm', 'resubmit', id!, '--project', project]);
      expect(again.code, again.out).toBe(0);
      expect(again.out).toContain('re-submitted 1 failed task(s) (3)');

      const runs = await listRuns(project);
      const mine = runs.filter((r) => r.sweep?.id === id);
      expect(mine).toHaveLength(5); // four variants, the fourth twice
      const latest = new Map<number, RunSummary>();
      for (const r of mine) if (!latest.has(r.sweep!.index)) latest.set(r.sweep!.index, r);
      expect([...latest.keys()].sort()).toEqual([0, 1, 2, 3]);
      for (const r of latest.values()) {
        expect(r.status, r.error).toBe('finished');
        expect([r.group, r.host]).toEqual(['slurm colours', hostname()]);
        expect(r.finalMetrics.qe).toBeGreaterThan(0);
      }
      // The lab listed every run while it ran, not only once it had ended.
      for (const r of latest.values()) expect([...(seen.get(r.id) ?? [])], r.id).toContain('running');
      expect(existsSync(join(project, 'sweeps', id!, 'slurm', 'array.sbatch'))).toBe(true);
    } finally {
      clearInterval(watch);
      await lab.close();
    }
  }, 600_000);
});

function csvRows(n: number): string {
  return Array.from({ length: n }, (_, i) => `${(i % 7) / 7},${(i % 5) / 5},${(i % 3) / 3},c${i % 2}\n`).join('');
}
