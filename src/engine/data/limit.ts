/** trainLimit / testLimit: a seeded shuffle, then the first k samples (the same subset for the same seed). */
import { permutation, subSeed } from '../../shared/random';
import { sampleSize, type Dataset, type Split } from './types';

export function limitSplit(s: Split, size: number, limit: number | undefined, seed: number): Split {
  if (limit === undefined || limit >= s.count) return s;
  const order = permutation(s.count, seed).subarray(0, limit);
  const x = new Float32Array(limit * size),
    y = new Int32Array(limit);
  order.forEach((src, i) => {
    x.set(s.x.subarray(src * size, (src + 1) * size), i * size);
    y[i] = s.y[src]!;
  });
  return { x, y, count: limit };
}

export function applyLimits(
  d: Dataset,
  trainLimit: number | undefined,
  testLimit: number | undefined,
  seed: number,
): Dataset {
  const size = sampleSize(d.shape);
  return {
    ...d,
    train: limitSplit(d.train, size, trainLimit, subSeed(seed, 1001)),
    test: d.test ? limitSplit(d.test, size, testLimit, subSeed(seed, 1002)) : undefined,
  };
}
