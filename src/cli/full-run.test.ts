/**
 * reproduce --full's bookkeeping: summaries per (preset, seed), resuming without retraining, retraining
 * exactly the variants whose spec changed or failed, and one real (tiny) run whose curves come from disk.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Preset } from '../shared/run-types';
import type { ExperimentSpec } from '../shared/spec';
import { createProject, listRuns } from '../engine/runs';
import { fullSpec } from './full-scale';
import { runFull, type FullOptions } from './full-run';
import { readSummary } from './summary';
import type { TrainOutcome } from './train-one';

const dirs: string[] = [];
const temp = async (): Promise<string> => {
  const d = await mkdtemp(join(tmpdir(), 'somlab-full-'));
  dirs.push(d);
  return d;
};
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const colours = (epochs: number): Preset => ({
  name: 'tiny-colours',
  title: 'tiny',
  reproduces: 'test',
  spec: {
    kind: 'som',
    dataset: { source: 'builtin', name: 'colors', trainLimit: 200 },
    epochs,
    batchSize: 50,
    som: { rows: 4, cols: 4, sigma: { start: 2, end: 0.5 } },
  },
  variants: [
    { label: 'rect', patch: {} },
    { label: 'hex', patch: { som: { topology: 'hex' } } },
  ],
});

/** A fake trainer: records what it was asked to train; fails the labels in `fail`. */
function fakeTrain(calls: string[], fail: string[] = []): FullOptions['train'] {
  return async (spec: ExperimentSpec, o) => {
    calls.push(`${o.label}@${spec.seed}`);
    const failed = fail.includes(o.label!);
    const out: TrainOutcome = {
      runId: '',
      status: failed ? 'failed' : 'finished',
      finalMetrics: failed ? {} : { qe: 0.1 + spec.seed / 100 },
      backend: 'cpu',
      wallMs: 1000,
      ...(failed ? { error: 'boom' } : {}),
    };
    return out;
  };
}

describe('reproduce --full bookkeeping', () => {
  it('full scale lifts the limits, sets the seed and the full epochs', () => {
    const p = { ...colours(1), name: 'seed000-som-cnn' };
    const s = fullSpec(p, p.spec, 2) as { dataset: object; seed: number; epochs: number };
    expect(s.dataset).toEqual({ source: 'builtin', name: 'colors' });
    expect(s.seed).toBe(2);
    expect(s.epochs).toBe(10);
  });

  it('writes a summary per (preset, seed), resumes without training, retrains changed or failed variants', async () => {
    const base = { project: await temp(), data: [], summaries: await temp(), seeds: 2, workers: 2, log: () => {} };
    const calls: string[] = [];
    await runFull({ ...base, presets: [colours(1)], train: fakeTrain(calls, ['hex']) });
    expect(calls.sort()).toEqual(['hex@0', 'hex@1', 'rect@0', 'rect@1']);
    const s1 = (await readSummary(base.summaries, 'tiny-colours', 1))!;
    expect(s1.variants.map((v) => [v.label, v.status, v.finalMetrics.qe])).toEqual([
      ['rect', 'finished', 0.11],
      ['hex', 'failed', undefined],
    ]);
    expect(s1.variants[0]!.workers).toBe(2);
    calls.length = 0;
    await runFull({ ...base, presets: [colours(1)], train: fakeTrain(calls) });
    expect(calls.sort()).toEqual(['hex@0', 'hex@1']); // only the failed ones
    calls.length = 0;
    await runFull({ ...base, presets: [colours(1)], train: fakeTrain(calls) });
    expect(calls).toEqual([]); // all done: nothing retrained
    await runFull({ ...base, seeds: 3, presets: [colours(1)], train: fakeTrain(calls) });
    expect(calls.sort()).toEqual(['hex@2', 'rect@2']); // a third seed only
    calls.length = 0;
    await runFull({ ...base, seeds: 3, presets: [colours(2)], train: fakeTrain(calls) });
    expect(calls).toHaveLength(6); // the spec changed (epochs): every variant and seed again
  });

  it(
    'a real tiny run: the summary holds its final metrics and curves read from the run on disk',
    { timeout: 120_000 },
    async () => {
      const project = await temp(),
        summaries = await temp();
      await createProject(project, 'full');
      const lines: string[] = [];
      const preset = { ...colours(2), variants: [{ label: 'rect', patch: {} }] };
      await runFull({
        project,
        data: [],
        summaries,
        seeds: 1,
        workers: 1,
        presets: [preset],
        log: (l) => lines.push(l),
      });
      const s = (await readSummary(summaries, 'tiny-colours', 0))!;
      const v = s.variants[0]!;
      expect(v.status).toBe('finished');
      expect(v.finalMetrics.qe).toBeGreaterThan(0);
      expect(v.curves.qe!.length).toBeGreaterThanOrEqual(2);
      // Full scale drops trainLimit: every colour, and the curve ends at the run's last step.
      const [run] = await listRuns(project);
      expect(run!.id).toBe(v.runId);
      expect(v.curves.qe!.at(-1)![0]).toBe(run!.totalSteps! - 1);
      expect(v.epochs).toBe(2);
      expect(lines.some((l) => /tiny-colours seed 0 \/ rect\] finished in \d+ s/.test(l))).toBe(true);
      expect(await readFile(join(summaries, 'tiny-colours', 'seed-0.json'), 'utf8')).toMatch(/\[\d+, [\d.]+\]/);
    },
  );
});
