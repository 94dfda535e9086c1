/**
 * trainLimit / testLimit: a seeded shuffle, then the first k samples (the same subset for the same seed).
 * A split on disk is limited in one pass over the file in file order, so the picked rows come out in the
 * same order and with the same values as from the split in memory.
 */
import { permutation, subSeed } from '../../shared/random';
import { sampleSize, type Dataset, type RowSource, type Split } from './types';

/** Rows read per range when picking a limited subset from disk. */
const PICK_CHUNK = 16384;

function limitMemory(s: Split, size: number, order: Int32Array): Split {
  const x = new Float32Array(order.length * size),
    y = new Int32Array(order.length);
  order.forEach((src, i) => {
    x.set(s.x.subarray(src * size, (src + 1) * size), i * size);
    y[i] = s.y[src]!;
  });
  return { x, y, count: order.length };
}

async function limitRows(s: Split, rows: RowSource, size: number, order: Int32Array): Promise<Split> {
  const x = new Float32Array(order.length * size),
    y = new Int32Array(order.length);
  const byRow = Int32Array.from(order.keys()).sort((a, b) => order[a]! - order[b]!);
  let chunk: Float32Array = new Float32Array(0),
    from = -1;
  for (const i of byRow) {
    const src = order[i]!;
    if (from < 0 || src >= from + PICK_CHUNK) {
      from = src;
      chunk = await rows.read(from, Math.min(PICK_CHUNK, s.count - from), chunk.length ? chunk : undefined);
    }
    x.set(chunk.subarray((src - from) * size, (src - from + 1) * size), i * size);
    y[i] = s.y[src]!;
  }
  return { x, y, count: order.length };
}

export async function limitSplit(s: Split, size: number, limit: number | undefined, seed: number): Promise<Split> {
  if (limit === undefined || limit >= s.count) return s;
  const order = permutation(s.count, seed).subarray(0, limit);
  return s.rows ? limitRows(s, s.rows, size, order) : limitMemory(s, size, order);
}

export async function applyLimits(
  d: Dataset,
  trainLimit: number | undefined,
  testLimit: number | undefined,
  seed: number,
): Promise<Dataset> {
  const size = sampleSize(d.shape);
  return {
    ...d,
    train: await limitSplit(d.train, size, trainLimit, subSeed(seed, 1001)),
    test: d.test ? await limitSplit(d.test, size, testLimit, subSeed(seed, 1002)) : undefined,
  };
}
