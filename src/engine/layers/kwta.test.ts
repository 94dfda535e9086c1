import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../shared/random';
import { Kwta, kwtaHard, kwtaK } from './kwta';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function rows(b: number, n: number, seed: number): number[][] {
  const r = mulberry32(seed);
  return Array.from({ length: b }, () => Array.from({ length: n }, () => r() * 4 - 2));
}

/** τ by sorting: halfway between the k-th and (k+1)-th largest. */
function naiveTau(row: number[], k: number): number {
  const s = [...row].sort((a, b) => b - a);
  return (s[k - 1]! + s[k]!) / 2;
}

const sig = (v: number): number => 1 / (1 + Math.exp(-v));

describe('Kwta', () => {
  it('keeps k = ⌈s·N⌉ and the input shape', () => {
    const layer = new Kwta({ sparsity: 0.05 });
    const x = tf.zeros([3, 512]);
    const y = layer.apply(x) as tf.Tensor;
    expect(layer.winners).toBe(26); // ⌈0.05·512⌉ = ⌈25.6⌉
    expect(kwtaK(0.05, 500)).toBe(25);
    expect(y.shape).toEqual([3, 512]);
    expect(layer.computeOutputShape([null, 512])).toEqual([null, 512]);
    tf.dispose([x, y]);
  });

  it('evaluation: exactly k ones per sample, at the k largest values', () => {
    const data = rows(5, 12, 1);
    const layer = new Kwta({ sparsity: 0.25 }); // k = 3
    const x = tf.tensor2d(data);
    const y = layer.apply(x, { training: false }) as tf.Tensor2D;
    const out = y.arraySync();
    data.forEach((row, i) => {
      const tau = naiveTau(row, 3);
      expect(out[i]!.reduce((a, b) => a + b, 0)).toBe(3);
      row.forEach((v, j) => expect(out[i]![j]).toBe(v > tau ? 1 : 0));
    });
    tf.dispose([x, y]);
  });

  it('evaluation stays at exactly k ones when values tie', () => {
    const y = kwtaHard(
      tf.tensor2d([
        [1, 1, 1, 1, 1],
        [0, 2, 2, 2, 1],
      ]),
      2,
    );
    expect(y.arraySync().map((r) => r.reduce((a, b) => a + b, 0))).toEqual([2, 2]);
    y.dispose();
  });

  it('training: sigmoid(hardness·(a − τ)) against a naive loop, on the last axis of any rank', () => {
    const data = rows(6, 10, 2);
    const layer = new Kwta({ sparsity: 0.2, hardness: 3 }); // k = 2
    const x = tf.reshape(tf.tensor2d(data), [2, 3, 10]);
    const y = layer.apply(x, { training: true }) as tf.Tensor;
    expect(y.shape).toEqual([2, 3, 10]);
    const got = (tf.reshape(y, [6, 10]) as tf.Tensor2D).arraySync();
    data.forEach((row, i) => row.forEach((v, j) => expect(got[i]![j]).toBeCloseTo(sig(3 * (v - naiveTau(row, 2))), 5)));
    tf.dispose([x, y, layer.takeBatchRates()!]);
  });

  it('soft output tends to the hard output as hardness grows', () => {
    const x = tf.tensor2d(rows(8, 20, 3));
    const gap = (hardness: number): number => {
      const l = new Kwta({ sparsity: 0.1, hardness });
      const [soft, hard] = [l.apply(x, { training: true }) as tf.Tensor, l.apply(x) as tf.Tensor];
      const g = tf.max(tf.abs(tf.sub(soft, hard))).dataSync()[0]!;
      tf.dispose([soft, hard, l.takeBatchRates()!]);
      return g;
    };
    const gaps = [1, 10, 100, 1e4].map(gap);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeLessThan(gaps[i - 1]!);
    expect(gaps[3]).toBeLessThan(1e-3);
    x.dispose();
  });

  it('training keeps the batch-mean hard firing per unit', () => {
    const data = rows(4, 8, 4);
    const layer = new Kwta({ sparsity: 0.25 });
    const x = tf.tensor2d(data);
    tf.dispose(layer.apply(x, { training: true }) as tf.Tensor);
    const rates = layer.takeBatchRates()!;
    const want = Array.from({ length: 8 }, (_, j) => data.filter((r) => r[j]! > naiveTau(r, 2)).length / 4);
    expect(Array.from(rates.dataSync())).toEqual(want);
    expect(layer.takeBatchRates()).toBeNull();
    tf.dispose([x, rates]);
  });

  it('gradient treats τ as a constant: hardness·s(1 − s)', () => {
    const data = rows(3, 6, 5);
    const layer = new Kwta({ sparsity: 0.3, hardness: 2 });
    const g = tf.grad((a: tf.Tensor) => tf.sum(layer.apply(a, { training: true }) as tf.Tensor))(
      tf.tensor2d(data),
    ) as tf.Tensor2D;
    const got = g.arraySync();
    data.forEach((row, i) =>
      row.forEach((v, j) => {
        const s = sig(2 * (v - naiveTau(row, 2)));
        expect(got[i]![j]).toBeCloseTo(2 * s * (1 - s), 5);
      }),
    );
    tf.dispose([g, layer.takeBatchRates()!]);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => new Kwta({ sparsity: 0 })).toThrow('Kwta: sparsity must be in (0, 1), received 0');
    expect(() => new Kwta({ sparsity: 1.5 })).toThrow(/sparsity .* received 1.5/);
    expect(() => new Kwta({ sparsity: 0.1, hardness: -1 })).toThrow(
      'Kwta: hardness must be a finite number > 0, received -1',
    );
    const x = tf.zeros([1, 2]);
    expect(() => new Kwta({ sparsity: 0.9 }).apply(x)).toThrow(
      'Kwta: sparsity 0.9 of 2 units gives k = 2; expected k < 2',
    );
    x.dispose();
  });

  it('getConfig → fromConfig, and through a model JSON', async () => {
    const layer = new Kwta({ sparsity: 0.05, hardness: 7 });
    const cfg = JSON.parse(JSON.stringify(layer.getConfig()));
    const back = Kwta.fromConfig(Kwta, cfg) as Kwta;
    expect(back.getConfig()).toEqual(layer.getConfig());
    expect([back.sparsity, back.hardness]).toEqual([0.05, 7]);
    const m = tfl.sequential({
      layers: [tfl.layers.dense({ units: 40, inputShape: [4] }), new Kwta({ sparsity: 0.1 })],
    });
    const m2 = await tfl.models.modelFromJSON(JSON.parse(JSON.stringify(m.toJSON(undefined, false))));
    expect(m2.layers[1]!.getClassName()).toBe('Kwta');
    m.dispose();
    m2.dispose();
  });

  it('does not leak over forward passes and training steps', () => {
    const m = tfl.sequential({
      layers: [tfl.layers.dense({ units: 20, inputShape: [4] }), new Kwta({ sparsity: 0.1 })],
    });
    const kwta = m.layers[1] as Kwta;
    const x = tf.tensor2d(rows(8, 4, 6)),
      target = tf.zeros([8, 20]);
    const opt = tf.train.sgd(0.1);
    const step = (): void => {
      opt
        .minimize(
          () => tf.losses.meanSquaredError(target, m.apply(x, { training: true }) as tf.Tensor) as tf.Scalar,
          true,
        )
        ?.dispose();
      tf.dispose(kwta.takeBatchRates()!);
      tf.dispose(m.predict(x) as tf.Tensor);
    };
    step(); // optimizer slots and first-call state
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) step();
    expect(tf.memory().numTensors).toBe(before);
    m.dispose();
    opt.dispose();
    tf.dispose([x, target]);
  });
});
