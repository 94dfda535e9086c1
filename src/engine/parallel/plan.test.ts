import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../shared/validate';
import { MIN_DENSE_ROWS, MIN_WORK, planWorkers } from './plan';

const mnist = { source: 'builtin', name: 'mnist' };
const som = (extra: Record<string, unknown> = {}) =>
  parseSpec({
    kind: 'som',
    dataset: mnist,
    batchSize: 256,
    som: { rows: 20, cols: 20, sigma: { start: 3, end: 1 } },
    ...extra,
  });
const W = 400 * 784;

describe('planWorkers', () => {
  it('uses the cores asked for (spec.workers, else the machine) when the step is big enough', () => {
    expect(planWorkers(som(), 'wasm', W, 8)).toEqual({ workers: 8 });
    expect(planWorkers(som({ workers: 3 }), 'cpu', W, 8)).toEqual({ workers: 3 });
    expect(planWorkers(som({ workers: 1 }), 'wasm', W, 8)).toEqual({ workers: 1 });
  });
  it('keeps one thread below MIN_WORK per worker and says why', () => {
    const p = planWorkers(som({ batchSize: 8 }), 'wasm', 100, 8);
    expect(p.workers).toBe(1);
    expect(p.note).toMatch(/8 rows × 100 weights is too small to split/);
    const fit = planWorkers(som({ workers: 8 }), 'wasm', (3 * MIN_WORK) / 256, 8);
    expect(fit.workers).toBe(3);
  });
  it('splits a dense net only from MIN_DENSE_ROWS rows a worker (its gradient sum costs as much as its rows)', () => {
    const mlp = (batchSize: number) => parseSpec({ kind: 'baseline-mlp', dataset: mnist, batchSize, workers: 8 });
    const w = 784 * 256 + 256 * 256;
    const one = planWorkers(mlp(MIN_DENSE_ROWS), 'wasm', w, 8);
    expect(one.workers).toBe(1);
    expect(one.note).toMatch(/under 128 rows of a dense net per worker/);
    expect(planWorkers(mlp(4 * MIN_DENSE_ROWS), 'wasm', w, 8).workers).toBe(4);
    const cnn = parseSpec({ kind: 'baseline-cnn', dataset: mnist, batchSize: 64, workers: 2 });
    expect(planWorkers(cnn, 'wasm', 215_000, 8).workers).toBe(2);
  });
  it('keeps one thread where a split cannot give the one-thread result', () => {
    expect(planWorkers(som(), 'webgpu', W, 8).note).toMatch(/webgpu backend trains on one device/);
    expect(
      planWorkers(som({ som: { rows: 4, cols: 4, sigma: { start: 1, end: 1 }, mode: 'online' } }), 'wasm', W, 8)
        .workers,
    ).toBe(1);
    const mlp = parseSpec({ kind: 'baseline-mlp', dataset: mnist, dropout: 0.2 });
    expect(planWorkers(mlp, 'wasm', W, 8).note).toMatch(/dropout/);
    const kwta = parseSpec({ kind: 'kwta-mlp', dataset: mnist });
    expect(planWorkers(kwta, 'wasm', W, 8).note).toMatch(/triplet/);
  });
  it('keeps a table streamed from the dataset cache on one thread unless spec.workers asks for more', () => {
    const p = planWorkers(som(), 'wasm', W, 8, true);
    expect(p.workers).toBe(1);
    expect(p.note).toMatch(/each worker thread would add about \d+ MB to a table streamed from the cache/);
    expect(planWorkers(som({ workers: 4 }), 'wasm', W, 8, true)).toEqual({ workers: 4 });
    expect(planWorkers(som(), 'wasm', W, 1, true)).toEqual({ workers: 1 });
  });
  it('refuses a bad workers field with the field named', () => {
    expect(() => som({ workers: 0 })).toThrow(/workers/);
    expect(() => som({ workers: 'four' })).toThrow(/workers/);
  });
});
