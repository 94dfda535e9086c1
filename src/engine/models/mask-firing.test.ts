import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { SomGate } from '../layers/mask/som-gate';
import { maskFiring } from './mask-firing';

// A 1×3 chain whose codebook vectors sit at 0, 1 and 2 on a line: a sample's winner is its nearest point.
const codebook = () => tf.variable(tf.tensor2d([[0], [1], [2]]));

describe('mask firing per unit', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('counts, per unit and per class, the samples whose mask lets it through (θ = 0.9: the winner only)', async () => {
    const gate = new SomGate(1, 3, 'rect', 1, codebook(), { sigmaFwd: 2, threshold: 0.9 }, 0);
    // Winners 0, 0, 1, 2 for labels 0, 1, 1, 1.
    const rows = tf.tensor2d([[0.1], [-0.3], [1.2], [2.4]]);
    const f = (await maskFiring(gate, rows, Int32Array.from([0, 1, 1, 1]), 2))!;
    expect([...f.firing]).toEqual([0.5, 0.25, 0.25]);
    // Unit-major [unit][class]: unit 0 fires for the class-0 sample and one of three class-1 samples.
    expect([...f.firingByClass!].map((v) => Number(v.toFixed(4)))).toEqual([1, 0.3333, 0, 0.3333, 0, 0.3333]);
  });

  it('a wide mask fires every unit for every sample (θ = 0: above 0.01); no labels, no classes', async () => {
    const gate = new SomGate(1, 3, 'rect', 1, codebook(), { sigmaFwd: 5, threshold: 0 }, 0);
    const f = (await maskFiring(gate, tf.tensor2d([[0], [2]]), new Int32Array(0), 0))!;
    expect([...f.firing]).toEqual([1, 1, 1]);
    expect(f.firingByClass).toBeUndefined();
  });

  it('leaves no tensor behind (the rate tensor of every snapshot was once kept)', async () => {
    const gate = new SomGate(1, 3, 'rect', 1, codebook(), { sigmaFwd: 2, threshold: 0.9 }, 0);
    const rows = tf.tensor2d([[0.1], [-0.3], [1.2], [2.4]]);
    const before = tf.memory().numTensors;
    await maskFiring(gate, rows, Int32Array.from([0, 1, 1, 1]), 2);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('an unmasked layer (σ_fwd = ∞) has no firing to report, and allocates nothing', async () => {
    const gate = new SomGate(1, 3, 'rect', 1, codebook(), { sigmaFwd: 'inf', threshold: 0 }, 0);
    const before = tf.memory().numTensors;
    expect(await maskFiring(gate, tf.tensor2d([[0], [2]]), Int32Array.from([0, 1]), 2)).toBeUndefined();
    expect(tf.memory().numTensors).toBe(before + 1); // the rows tensor of this call only
  });
});
