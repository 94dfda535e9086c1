import { describe, expect, it } from 'vitest';
import { parseSpec } from '../validate';
import type { ExperimentSpec } from '../spec';
import { estimateEpochTime, pickThroughputRef, type RunWithSpec, type ThroughputRef } from './epoch-time';
import { datasetPart, type DataShape } from './estimate';

const som = (extra: object = {}, som: object = {}): ExperimentSpec =>
  parseSpec({
    kind: 'som',
    dataset: { source: 'folder', path: '/data/big' },
    batchSize: 4096,
    som: { rows: 30, cols: 30, sigma: { start: 5, end: 1 }, ...som },
    ...extra,
  });
const table = (rows: number, features: number): DataShape => ({ trainRows: rows, testRows: 0, sample: [features] });
/** The measurement: 1,000,000 × 16 on a 30×30 map trained at 44k samples/s. */
const ref: ThroughputRef = { runId: 'r1', label: 'big16', samplesPerSec: 44_000, neurons: 900, features: 16 };

describe('time per epoch', () => {
  it('is rows over the reference rate, scaled by neurons × features, as worked by hand', () => {
    // Same map and width as the reference: 1,000,000 / 44,000 = 22.73 s (the issue measured 22.6 s).
    const same = estimateEpochTime(som(), table(1_000_000, 16), ref);
    expect(same).toMatchObject({ rows: 1_000_000, samplesPerSec: 44_000, scaled: false });
    expect('seconds' in same && same.seconds).toBeCloseTo(22.727, 3);
    // 64 features: 44,000 × 16 / 64 = 11,000 samples/s; 2,000,000 / 11,000 = 181.82 s.
    const wide = estimateEpochTime(som(), table(2_000_000, 64), ref);
    expect(wide).toMatchObject({ samplesPerSec: 11_000, scaled: true, from: ref });
    expect('seconds' in wide && wide.seconds).toBeCloseTo(181.818, 3);
    // A 10×10 map, 16 features, trainLimit 50,000: 44,000 × 900 / 100 = 396,000 samples/s; 50,000 rows → 0.126 s.
    const small = estimateEpochTime(
      som({ dataset: { source: 'folder', path: '/data/big', trainLimit: 50_000 } }, { rows: 10, cols: 10 }),
      table(1_000_000, 16),
      ref,
    );
    expect(small).toMatchObject({ rows: 50_000, samplesPerSec: 396_000 });
    expect('seconds' in small && small.seconds).toBeCloseTo(0.12626, 4);
  });

  it('says why there is no estimate instead of making one up', () => {
    expect(estimateEpochTime(som(), table(10, 3), undefined)).toEqual({
      reason: 'no time estimate yet: no finished batch-SOM run in this project has a measured samples/s',
    });
    expect(estimateEpochTime(som({}, { mode: 'online' }), table(10, 3), ref)).toMatchObject({
      reason: expect.stringMatching(/online SOM rule/),
    });
    const mlp = parseSpec({ kind: 'baseline-mlp', dataset: { source: 'builtin', name: 'mnist' } });
    expect(estimateEpochTime(mlp, table(10, 784), ref)).toMatchObject({
      reason: expect.stringMatching(/"baseline-mlp"/),
    });
  });
});

describe('the reference run', () => {
  const run = (id: string, endedAt: string, summary: object = {}, spec = som()): RunWithSpec => ({
    summary: { id, status: 'finished', kind: 'som', samplesPerSec: 1000, endedAt, sampleShape: [8], ...summary },
    spec,
  });

  it('is the newest finished batch-SOM run with a measured rate and known features', () => {
    const colours = som({ dataset: { source: 'builtin', name: 'colors' } }, { rows: 20, cols: 20 });
    const runs = [
      run('old', '2026-12-01T10:00:00Z', { backend: 'wasm' }),
      run('colours', '2026-12-01T11:00:00Z', { backend: 'cpu', sampleShape: undefined, name: 'RGB' }, colours),
      run('failed', '2026-12-01T12:00:00Z', { status: 'failed' }),
      run('no-rate', '2026-12-01T12:00:00Z', { samplesPerSec: undefined }),
      run('online', '2026-12-01T12:00:00Z', {}, som({}, { mode: 'online' })),
      run('folder-no-shape', '2026-12-01T12:00:00Z', { sampleShape: undefined }),
    ];
    // Built-in colours: features from the built-in's shape [3]; 20×20 = 400 neurons.
    expect(pickThroughputRef(som(), runs)).toEqual({
      runId: 'colours',
      label: 'RGB',
      backend: 'cpu',
      samplesPerSec: 1000,
      neurons: 400,
      features: 3,
    });
    // A spec that names its backend takes only runs on that backend.
    expect(pickThroughputRef(som({ backend: 'wasm' }), runs)).toMatchObject({ runId: 'old', features: 8 });
    expect(pickThroughputRef(som({ backend: 'webgpu' }), runs)).toBeUndefined();
  });
});

describe('the dataset part under streaming', () => {
  it('counts a big table as streamed for the batch SOM only (the online rule loads it)', () => {
    const big = { ...table(1_000_000, 16), streamed: true };
    expect(datasetPart(som(), big).what).toMatch(/stream from the dataset cache/);
    expect(datasetPart(som({}, { mode: 'online' }), big).bytes).toBe(2 * 1_000_000 * 16 * 4);
  });
});
