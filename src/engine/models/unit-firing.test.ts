import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { unitHealth } from '../../shared/map/firing';
import { classMajor, codeSnapshot } from './code-snapshot';
import { unitFiring } from './unit-firing';

// A hand-made batch of 6 kWTA codes (k = 2 of 6 units), labels 0 0 1 1 1 2:
// unit 0 never fires (dead), unit 1 fires on every sample (always on), unit 5 only for class 2.
const CODES = [
  [0, 1, 1, 0, 0, 0],
  [0, 1, 0, 1, 0, 0],
  [0, 1, 0, 0, 1, 0],
  [0, 1, 0, 0, 1, 0],
  [0, 1, 1, 0, 0, 0],
  [0, 1, 0, 0, 0, 1],
];
const LABELS = Int32Array.from([0, 0, 1, 1, 1, 2]);
const B = CODES.length,
  N = 6,
  C = 3;

/** The naive loop: per unit, samples it fires for over all samples, and per class over that class's. */
function naive(): { firing: number[]; byClass: number[] } {
  const firing = Array.from({ length: N }, (_, j) => CODES.filter((c) => c[j] === 1).length / B);
  const byClass: number[] = [];
  for (let j = 0; j < N; j++)
    for (let k = 0; k < C; k++) {
      const of = CODES.filter((_, i) => LABELS[i] === k);
      byClass.push(of.filter((c) => c[j] === 1).length / of.length);
    }
  return { firing, byClass };
}

const round = (a: ArrayLike<number>) => Array.from(a, (v) => Math.round(v * 1e6) / 1e6);

describe('unit firing of a kWTA code', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('matches the naive loop and the hand counts: dead, always on, per-class rates', async () => {
    const on = tf.tensor2d(CODES);
    const f = await unitFiring(on, LABELS, C);
    on.dispose();
    const want = naive();
    expect(round(f.firing)).toEqual(round(want.firing));
    expect(round(f.firingByClass!)).toEqual(round(want.byClass));
    // By hand: unit 2 fires for samples 0 and 4 (2 of 6); for class 0 on 1 of 2, class 1 on 1 of 3, class 2 never.
    expect(round(f.firing)).toEqual(round([0, 1, 2 / 6, 1 / 6, 2 / 6, 1 / 6]));
    expect(round(f.firingByClass!.slice(2 * C, 3 * C))).toEqual(round([1 / 2, 1 / 3, 0]));
    expect([...f.firingByClass!.slice(5 * C, 6 * C)]).toEqual([0, 0, 1]);
    expect(unitHealth(f.firing)).toEqual({ dead: 1, alwaysOn: 1, units: N });
  });

  it('without labels reports the overall rate only; a class with no sample fires nothing', async () => {
    const on = tf.tensor2d(CODES);
    expect((await unitFiring(on, new Int32Array(0), 0)).firingByClass).toBeUndefined();
    const four = await unitFiring(on, LABELS, 4); // class 3 has no sample
    on.dispose();
    for (let j = 0; j < N; j++) expect(four.firingByClass![j * 4 + 3]).toBe(0);
  });

  it('lays the code on its grid: 6 units → 2 × 3, hits are the samples each unit fired for', async () => {
    const on = tf.tensor2d(CODES);
    const f = await unitFiring(on, LABELS, C);
    on.dispose();
    const s = codeSnapshot(7, 'code', f, B);
    expect([s.step, s.layer, s.rows, s.cols, s.codeLayout, s.shape]).toEqual([7, 'code', 2, 3, true, [C]]);
    expect([...s.hits]).toEqual([0, 6, 2, 1, 2, 1]);
    expect(s.firing).toBe(f.firing);
    // Class-major: class 2's row is unit 1 and unit 5 only.
    expect([...classMajor(f.firingByClass!, N, C).slice(2 * N)]).toEqual([0, 1, 0, 0, 0, 1]);
  });
});
