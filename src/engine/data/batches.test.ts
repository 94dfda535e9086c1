import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../shared/random';
import { DeviceSplit } from './batches';
import { rowsPerPart } from './device-rows';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** 1,000 samples of shape [3, 2] with random values and labels 0..9. */
function split(count = 1000) {
  const r = mulberry32(7);
  const x = Float32Array.from({ length: count * 6 }, () => r());
  const y = Int32Array.from({ length: count }, (_, i) => (i * 7) % 10);
  return { x, y, count };
}

const ROW = 6 * 4; // bytes of one [3, 2] float32 sample
const arr = (t: tf.Tensor) => Array.from(t.dataSync());

describe('a split held in parts under a small binding limit', () => {
  const s = split();
  // 7 rows per part: 143 parts, the last one of 6 rows, so batches straddle part ends everywhere.
  const parted = new DeviceSplit(s, [3, 2], 5, 7 * ROW + 3);
  const whole = new DeviceSplit(s, [3, 2], 5, Infinity);

  it('keeps every part under the limit and the unlimited split in one tensor', () => {
    expect(parted.x.parts.length).toBe(143);
    for (const p of parted.x.parts) expect(p.size * 4).toBeLessThanOrEqual(7 * ROW + 3);
    expect(parted.x.parts.at(-1)!.shape).toEqual([6, 3, 2]);
    expect(whole.x.parts.map((p) => p.shape)).toEqual([[1000, 3, 2]]);
  });

  it('gathers the same batches, in the same order, as the one-tensor gather, and leaks nothing', () => {
    const before = tf.memory().numTensors;
    for (const [epoch, i, b] of [
      [0, 0, 64],
      [1, 3, 64],
      [2, 15, 64], // the last, short batch
      [0, 0, 1000],
    ] as const) {
      const idx = parted.batchIndices(epoch, i, b);
      const a = parted.batch(idx),
        w = whole.batch(idx);
      expect(a.x.shape).toEqual(w.x.shape);
      expect(arr(a.x)).toEqual(arr(w.x));
      expect(arr(a.y)).toEqual(arr(w.y));
      // …and against the host arrays themselves, row by row.
      expect(arr(a.y)).toEqual(Array.from(idx, (k) => s.y[k]!));
      expect(arr(a.x).slice(0, 6)).toEqual(Array.from(s.x.subarray(idx[0]! * 6, idx[0]! * 6 + 6)));
      tf.dispose([a.x, a.y, w.x, w.y]);
    }
    // Indices all inside one part (a single gather) and repeated indices.
    const few = Int32Array.from([15, 14, 15, 20]);
    const [p, q] = [parted.batchX(few), whole.batchX(few)];
    expect(arr(p)).toEqual(arr(q));
    tf.dispose([p, q]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('slices heads and evaluation chunks across parts exactly as from one tensor', () => {
    for (const n of [0, 1, 7, 8, 500, 1000, 5000]) {
      const [a, b] = [parted.head(n), whole.head(n)];
      expect(a.shape).toEqual(b.shape);
      expect(arr(a)).toEqual(arr(b));
      tf.dispose([a, b]);
    }
    const rows = (d: DeviceSplit) =>
      [...d.chunks(300)].map(({ x, y, n }) => {
        const out = { x: arr(x), y: arr(y), n };
        tf.dispose([x, y]);
        return out;
      });
    // Chunks never hold more rows than a part: 7 at a time here, 300 at a time in one tensor; the same rows.
    const [a, b] = [rows(parted), rows(whole)];
    expect(a.length).toBe(143);
    expect(b.length).toBe(4);
    expect(a.flatMap((c) => c.x)).toEqual(b.flatMap((c) => c.x));
    expect(a.flatMap((c) => c.y)).toEqual(b.flatMap((c) => c.y));
  });

  it('says which index is outside the split, and refuses a sample over the limit', () => {
    expect(() => parted.batchX(Int32Array.from([3, 1000]))).toThrow(
      "row index 1000 is outside the split's 1000 rows (0 to 999)",
    );
    expect(() => rowsPerPart(10, ROW, ROW - 1)).toThrow(
      "one row is 24 bytes, over the device's storage-buffer binding limit of 23 bytes: no part of it can be bound",
    );
    expect(rowsPerPart(10, ROW, 100 * ROW)).toBe(10);
    expect(rowsPerPart(0, ROW, ROW)).toBe(1);
  });
});
