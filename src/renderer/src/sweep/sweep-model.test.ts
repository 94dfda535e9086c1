import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../shared/project';
import type { ExperimentSpec } from '../../../shared/spec';
import { parseSpec } from '../../../shared/validate';
import { bestVariant, buildSweep, defaultMetric, sweepGroups, variantRuns } from './sweep-model';

const spec = (sigma: number, seed: number): ExperimentSpec =>
  parseSpec({
    kind: 'som',
    name: `σ ${sigma}`,
    seed,
    dataset: { source: 'builtin', name: 'colors' },
    som: { rows: 4, cols: 4, sigma: { start: sigma, end: 0.5 } },
  });
const run = (
  id: string,
  index: number,
  status: RunSummary['status'],
  qe?: number,
  startedAt = '2026-01-01',
): RunSummary => ({
  id,
  kind: 'som',
  group: 'g',
  sweep: { id: 'g-1', index },
  status,
  versions: {},
  startedAt,
  finalMetrics: qe === undefined ? {} : { qe, accuracy: 1 - qe },
});

describe('the sweep model', () => {
  it('keeps the newest run per variant, the varying fields as parameters, and the best finished variant', () => {
    // Newest first, as runs:list answers; variant 1 ran twice (resubmitted), its newer run counts.
    const list = [
      run('v1-again', 1, 'finished', 0.2, '2026-01-03'),
      run('v2', 2, 'running', undefined, '2026-01-02'),
      run('v0', 0, 'finished', 0.3, '2026-01-02'),
      run('v1', 1, 'failed', undefined, '2026-01-01'),
      { ...run('lone', 0, 'finished', 0.01), group: 'other' },
    ];
    expect(sweepGroups(list)).toEqual([{ group: 'g', runs: 4 }]);
    const members = variantRuns(list, 'g');
    expect(members.map((r) => r.id)).toEqual(['v0', 'v1-again', 'v2']);
    const specs = new Map([
      ['v0', spec(1, 0)],
      ['v1-again', spec(2, 0)],
      ['v2', spec(3, 1)],
    ]);
    const m = buildSweep(members, specs);
    expect(m.params).toEqual(['seed', 'som.sigma.start']); // the name differs too but only labels the run
    expect(m.variants.map((v) => [v.index, v.params['som.sigma.start'], v.params.seed])).toEqual([
      [0, 1, 0],
      [1, 2, 0],
      [2, 3, 1],
    ]);
    expect(m.metrics).toEqual(['qe', 'accuracy']);
    expect(bestVariant(m, 'qe')?.id).toBe('v1-again'); // lower QE wins; the running one has none yet
    expect(bestVariant(m, 'accuracy')?.id).toBe('v1-again'); // 0.8 > 0.7: higher accuracy wins
    expect(defaultMetric(m.metrics)).toBe('accuracy');
  });

  it('leaves out runs whose spec is not loaded yet, and has no best without finished runs', () => {
    const members = [run('a', 0, 'running'), run('b', 1, 'running')];
    const m = buildSweep(members, new Map([['a', spec(1, 0)]]));
    expect(m.variants.map((v) => v.id)).toEqual(['a']);
    expect(m.params).toEqual([]);
    expect(bestVariant(m, 'qe')).toBeUndefined();
  });
});
