import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { FreshDropout } from './fresh-dropout';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const kept = (t: tf.Tensor): number[] => Array.from(t.dataSync(), (v) => (v !== 0 ? 1 : 0));

describe('FreshDropout', () => {
  it('draws a new mask on every training call, where a seeded tfjs Dropout repeats its mask', () => {
    const x = tf.ones([4, 64]);
    const stock = tfl.layers.dropout({ rate: 0.5, seed: 3 });
    const a = kept(stock.apply(x, { training: true }) as tf.Tensor),
      b = kept(stock.apply(x, { training: true }) as tf.Tensor);
    expect(a).toEqual(b); // the defect this layer exists for
    const fresh = new FreshDropout({ rate: 0.5, seed: 3 });
    const c = kept(fresh.apply(x, { training: true }) as tf.Tensor),
      d = kept(fresh.apply(x, { training: true }) as tf.Tensor);
    expect(c).not.toEqual(d);
    // Kept units are scaled by 1 / (1 − rate); about half are kept.
    const y = (fresh.apply(x, { training: true }) as tf.Tensor).dataSync();
    expect(new Set(y)).toEqual(new Set([0, 2]));
    const rate = kept(fresh.apply(x, { training: true }) as tf.Tensor).reduce((s, v) => s + v, 0) / 256;
    expect(rate).toBeGreaterThan(0.35);
    expect(rate).toBeLessThan(0.65);
  });

  it('is reproducible: the same seed gives the same sequence of masks', () => {
    const x = tf.ones([2, 32]);
    const seq = (seed: number) => {
      const l = new FreshDropout({ rate: 0.3, seed });
      return [0, 1, 2].map(() => kept(l.apply(x, { training: true }) as tf.Tensor));
    };
    expect(seq(5)).toEqual(seq(5));
    expect(seq(5)).not.toEqual(seq(6));
  });

  it('passes inputs through unchanged at evaluation', () => {
    const x = tf.tensor2d([[1, -2, 3]]);
    expect((new FreshDropout({ rate: 0.9 }).apply(x) as tf.Tensor).arraySync()).toEqual([[1, -2, 3]]);
  });

  it('shares one draw along axes of size 1 in noiseShape (2-D dropout drops whole channels)', () => {
    const x = tf.ones([3, 4, 4, 8]);
    const l = new FreshDropout({ rate: 0.5, noiseShape: [null, 1, 1, null], seed: 1 });
    const y = (l.apply(x, { training: true }) as tf.Tensor).arraySync() as number[][][][];
    for (const img of y)
      for (let c = 0; c < 8; c++) {
        const vals = new Set(img.flatMap((row) => row.map((px) => px[c])));
        expect(vals.size).toBe(1);
      }
    expect(() => l.apply(tf.ones([2, 3]), { training: true })).toThrow(/noiseShape has 4 axes but the input \[2, 3\]/);
  });

  it('refuses a bad rate and round-trips its config', () => {
    expect(() => new FreshDropout({ rate: 1 })).toThrow(/rate must be in \[0, 1\), received 1/);
    const l = new FreshDropout({ rate: 0.25, noiseShape: [null, 1], seed: 9 });
    const back = FreshDropout.fromConfig(FreshDropout, l.getConfig()) as FreshDropout;
    expect(back.getConfig()).toEqual(l.getConfig());
  });
});
