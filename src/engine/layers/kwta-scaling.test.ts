import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../shared/random';
import { kwtaHard } from './kwta';
import { applySynapticScaling, firingEntropy, SynapticScaling } from './kwta-scaling';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const near = (got: ArrayLike<number>, want: number[]): void => want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, 5));

describe('SynapticScaling', () => {
  it('EMA of firing and clipped (target / rate)^γ, by hand', async () => {
    const s = new SynapticScaling({ units: 3, target: 0.5, rate: 0.5, gamma: 1, minScale: 0.5, maxScale: 2 });
    near(await s.firingRates(), [0.5, 0.5, 0.5]); // starts at the target: no scaling before data
    const code = tf.tensor2d([
      [1, 0, 0],
      [1, 1, 0],
    ]); // batch mean [1, 0.5, 0]
    s.update(code);
    near(await s.firingRates(), [0.75, 0.5, 0.25]);
    let k = s.scales();
    near(k.dataSync(), [2 / 3, 1, 2]);
    k.dispose();
    const zeros = tf.zeros([3]); // batch-mean rates are accepted as they are
    s.update(zeros);
    near(await s.firingRates(), [0.375, 0.25, 0.125]);
    k = s.scales();
    near(k.dataSync(), [4 / 3, 2, 2]); // 4 clipped to maxScale 2
    tf.dispose([code, zeros, k]);
    s.dispose();
  });

  it('applySynapticScaling scales each kernel column', () => {
    const w = tf.variable(
      tf.tensor2d([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    );
    const k = tf.tensor1d([2, 0.5]);
    applySynapticScaling(w, k);
    expect(w.arraySync()).toEqual([
      [2, 1],
      [6, 2],
      [10, 3],
    ]);
    const bad = tf.tensor1d([1, 1, 1]);
    expect(() => applySynapticScaling(w, bad)).toThrow(
      'applySynapticScaling: expected 2 scales (one per kernel column), received 3',
    );
    tf.dispose([w, k, bad]);
  });

  it('revives a dead unit and raises the firing entropy', async () => {
    const r = mulberry32(3);
    // Four units, one winner each (k = 1 of 4, target 0.25); unit j prefers input j (weight 1, others 0.2),
    // but unit 0's weights are a tenth of that, so on positive inputs it never wins.
    const w0 = Array.from({ length: 16 }, (_, i) => (i % 4 === 0 ? 0.1 : 1) * (Math.floor(i / 4) === i % 4 ? 1 : 0.2));
    const kernel = tf.variable(tf.tensor2d(w0, [4, 4]));
    const s = new SynapticScaling({ units: 4, target: 0.25 });
    const batch = (): tf.Tensor2D =>
      tf.tensor2d(
        Array.from({ length: 256 * 4 }, () => r()),
        [256, 4],
      );
    const measure = (): Float32Array =>
      tf.tidy(() => tf.mean(kwtaHard(tf.matMul(batch(), kernel), 1), 0).dataSync() as Float32Array);
    const before = measure();
    expect(before[0]).toBe(0);
    for (let step = 0; step < 40; step++) {
      tf.tidy(() => {
        s.update(kwtaHard(tf.matMul(batch(), kernel), 1));
        applySynapticScaling(kernel, s.scales());
      });
    }
    const after = measure();
    expect(after[0]).toBeGreaterThan(0.05);
    expect(firingEntropy(after)).toBeGreaterThan(firingEntropy(before));
    s.dispose();
    kernel.dispose();
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => new SynapticScaling({ units: 0, target: 0.1 })).toThrow(
      'SynapticScaling: units must be an integer ≥ 1, received 0',
    );
    expect(() => new SynapticScaling({ units: 4, target: 1 })).toThrow(
      'SynapticScaling: target must be in (0, 1), received 1',
    );
    expect(() => new SynapticScaling({ units: 4, target: 0.1, maxScale: 0.5 })).toThrow(
      'SynapticScaling: maxScale must be ≥ 1, received 0.5',
    );
    const s = new SynapticScaling({ units: 4, target: 0.1 });
    const x = tf.zeros([2, 3]);
    expect(() => s.update(x)).toThrow('SynapticScaling.update: expected 4 units, received 3');
    s.dispose();
    x.dispose();
  });

  it('does not leak over updates', () => {
    const s = new SynapticScaling({ units: 5, target: 0.2 });
    const code = tf.tensor2d([
      [1, 0, 0, 0, 0],
      [0, 1, 0, 0, 0],
    ]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) {
      s.update(code);
      tf.dispose(s.scales());
    }
    expect(tf.memory().numTensors).toBe(before);
    s.dispose();
    code.dispose();
  });
});

describe('firingEntropy', () => {
  it('is log2 N when all units fire equally, 0 for one unit or none', () => {
    expect(firingEntropy([0.1, 0.1, 0.1, 0.1])).toBeCloseTo(2, 10);
    expect(firingEntropy([0, 0.3, 0, 0])).toBe(0);
    expect(firingEntropy([0, 0, 0])).toBe(0);
    // p = (1/2, 1/4, 1/4): 1/2·1 + 2·1/4·2 = 1.5 bits
    expect(firingEntropy([0.2, 0.1, 0.1])).toBeCloseTo(1.5, 10);
  });
});
