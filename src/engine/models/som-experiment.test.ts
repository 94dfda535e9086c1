import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { findPreset } from '../../shared/presets';
import { parseSpec } from '../../shared/validate';
import type { SpecOf } from '../../shared/spec';
import { loadBuiltin } from '../data';
import type { PhaseReport } from '../../shared/events';
import { buildSomExperiment } from './som-experiment';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('SOM experiment', () => {
  it('organises the colours, snapshots, traces winners and leaks nothing per step', async () => {
    const spec = parseSpec({
      ...findPreset('seed004-colors').spec,
      epochs: 3,
      snapshotEvery: 10,
      som: { rows: 6, cols: 6, sigma: { start: 3, end: 0.7 } },
    }) as SpecOf<'som'>;
    const data = loadBuiltin('colors');
    const before = tf.memory().numTensors;
    const exp = await buildSomExperiment(spec, data);
    expect(await exp.step(0, 0)).toEqual({ sigma: 3, lr: spec.som.learningRate.start }); // no read-back in a step
    const [first] = await exp.late.settle(); // step 0 queued QE on the evaluation subset
    expect(first!.step).toBe(0);
    const during = tf.memory().numTensors;
    for (let i = 1; i < exp.totalSteps; i++) await exp.step(i, Math.floor(i / exp.stepsPerEpoch));
    const late = await exp.late.settle();
    const every10 = Array.from({ length: Math.ceil(exp.totalSteps / 10) }, (_, k) => k * 10).slice(1);
    expect(late.map((r) => r.step)).toEqual([...every10, exp.totalSteps - 1]);
    expect(tf.memory().numTensors).toBe(during);
    const [snap] = await exp.snapshots(exp.totalSteps - 1);
    expect(snap!.codebook).toHaveLength(36 * 3);
    expect(snap!.hits.reduce((a, b) => a + b, 0)).toBe(2000);
    const [trace] = await exp.winners(exp.totalSteps - 1);
    expect(trace!.winners).toHaveLength(spec.probeCount);
    const m = await exp.finalMetrics();
    expect(m.qe).toBeLessThan(first!.values.qe! * 0.8); // training keeps lowering QE after the first update
    exp.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("reports the full pass as an 'evaluate' phase, from 0 to every row; its QE is the whole set's", async () => {
    const spec = parseSpec({
      ...findPreset('seed004-colors').spec,
      epochs: 1,
      som: { rows: 4, cols: 4, sigma: { start: 2, end: 0.5 } },
    });
    const data = loadBuiltin('colors');
    const exp = await buildSomExperiment(spec as SpecOf<'som'>, data);
    const got: PhaseReport[] = [];
    exp.report = (p) => got.push(p);
    for (let i = 0; i < exp.totalSteps; i++) await exp.step(i, 0);
    const m = await exp.finalMetrics();
    const whole = await exp.som.quality(tf.tensor2d(data.train.x, [data.train.count, 3]));
    expect(m.qe).toBeCloseTo(whole.qe, 6);
    expect(got[0]).toEqual({ phase: 'evaluate', unit: 'rows', total: 4096, done: 0, label: 'train' });
    expect(got.at(-1)!.done).toBe(4096);
    for (let k = 1; k < got.length; k++) expect(got[k]!.done).toBeGreaterThan(got[k - 1]!.done);
    exp.dispose();
  });
});
