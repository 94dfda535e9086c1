import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSpec } from '../../shared/validate';
import type { SpecOf } from '../../shared/spec';
import { buildSomMaskCnn } from './som-mask-nets';
import { halvesData } from './halves.test-helper';

const data = halvesData(32, 16);
const spec = (mask: boolean): SpecOf<'som-mask-cnn'> =>
  parseSpec({
    kind: 'som-mask-cnn',
    seed: 5,
    dataset: { source: 'builtin', name: 'mnist' },
    epochs: 1,
    batchSize: 8,
    probeCount: 4,
    conv: [{ rows: 2, cols: 2, kernel: 3, mask }],
    dense: 8,
    mask: { sigmaFwd: 'inf', sigmaOrg: { start: 1, end: 0.5 } },
  }) as SpecOf<'som-mask-cnn'>;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('a CNN baseline (σ_fwd = ∞) of a SOM-CNN', () => {
  it('organises and shows its conv1 SOM without changing the network, and reports no mask statistics', async () => {
    const organising = await buildSomMaskCnn(spec(true), data);
    const plain = await buildSomMaskCnn(spec(false), data);
    // Losses are read back late (train/late-metrics): settle them after the steps.
    const losses = async (e: typeof plain) => {
      for (let s = 0; s < 4; s++) e.step(s, 0);
      return (await e.late!.settle()).map((r) => r.values.loss);
    };
    const before = (await organising.snapshots(0))[0]!.codebook.slice();
    const a = await losses(organising);
    expect(a.length).toBeGreaterThan(0);
    expect(a.every((v) => Number.isFinite(v))).toBe(true);
    expect(a).toEqual(await losses(plain));
    const snaps = await organising.snapshots(3);
    expect(snaps.map((s) => [s.layer, s.rows, s.cols])).toEqual([['conv1', 2, 2]]);
    expect(snaps[0]!.codebook).not.toEqual(before); // the SOM learned from conv1's inputs
    expect((await organising.winners(3)).map((w) => w.layer)).toEqual(['conv1']);
    expect(await organising.maskStats()).toEqual([]);
    expect(await plain.snapshots(3)).toEqual([]);
    organising.dispose();
    plain.dispose();
  });
});
