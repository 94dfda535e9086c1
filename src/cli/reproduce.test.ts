/**
 * `somlab reproduce --quick`: every preset (every sweep variant) runs for a few steps on a small subset in
 * its own trainer process and is saved. This checks that everything runs, not accuracy.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../shared/presets';
import { expandPreset } from '../shared/sweep';
import { createProject, listRuns } from '../engine/runs';
import { reportTable, reproducePreset, type PresetOutcome } from './reproduce';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('reproduce --quick', () => {
  it('runs and saves every preset and variant', { timeout: 600_000 }, async () => {
    const project = await mkdtemp(join(tmpdir(), 'somlab-quick-'));
    dirs.push(project);
    await createProject(project, 'quick');
    const outcomes: PresetOutcome[] = [];
    for (const p of PRESETS) outcomes.push(await reproducePreset(p, { project, data: [], quick: true }));
    const failed = outcomes.flatMap((o) =>
      o.runs.filter((r) => r.status !== 'finished').map((r) => `${o.preset.name}/${r.label}: ${r.error}`),
    );
    expect(failed).toEqual([]);
    const runs = await listRuns(project);
    const expected = PRESETS.reduce((a, p) => a + expandPreset(p).length, 0);
    expect(runs).toHaveLength(expected);
    expect(runs.every((r) => r.status === 'finished' && Object.keys(r.finalMetrics).length > 0)).toBe(true);
    const table = reportTable(outcomes, 'somlab reproduce --quick');
    expect(table.split('\n').filter((l) => l.includes('ran (quick)'))).toHaveLength(PRESETS.length);
  });
});
