import { describe, expect, it } from 'vitest';
import { maxRelDiff, trainFor } from './parallel.test-helper';

const mnist = { source: 'builtin', name: 'mnist', trainLimit: 600, testLimit: 100 } as const;
const base = { dataset: mnist, epochs: 1, batchSize: 64, seed: 3, probeCount: 8, snapshotEvery: 4 };

/** One small spec per kind that splits its batches; 6 steps each. */
const KINDS: Record<string, unknown> = {
  som: { ...base, kind: 'som', som: { rows: 6, cols: 6, sigma: { start: 3, end: 1 } } },
  'baseline-mlp': { ...base, kind: 'baseline-mlp', hidden: [32], l2: 1e-4 },
};

describe('data-parallel training', () => {
  for (const [kind, spec] of Object.entries(KINDS)) {
    it(`${kind}: 2 workers end where 1 does (float tolerance 1e-4 relative)`, async () => {
      const one = await trainFor(spec, 1, 6);
      const two = await trainFor(spec, 2, 6);
      const d = maxRelDiff(one.weights, two.weights);
      console.log(`${kind}: max relative weight difference 1 vs 2 workers ${d.toExponential(2)}`);
      expect(d).toBeLessThan(1e-4);
      expect(two.rows.map((r) => r.step)).toEqual(one.rows.map((r) => r.step));
    }, 60_000);
  }
});
