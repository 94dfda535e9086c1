import { describe, expect, it } from 'vitest';
import { ExperimentSpecSchema } from '../../shared/spec';
import { parseSpec } from '../../shared/validate';
import { runWebGpuChild } from '../backend/webgpu-checks/run-child.test-helper';
import { KIND_SPECS } from './webgpu-kinds.test-helper';

interface Result {
  device: string;
  kinds: Record<string, { kind: string; weights: number; tensors: number; rows: number; rowsDiff: number }>;
  kernels: Record<string, number>;
  fault: string | null;
}

/**
 * The tolerance: every weight within 1e-5 of its tensor's largest value, every metric within 1e-5 (relative above
 * 1). Float32 sums in another order differ by a few ulps (measured on lavapipe: at most 8e-7 for the weights,
 * 2e-7 for the metrics); 1e-5 leaves room for a GPU's own orders, and a wrong kernel is off by far more.
 */
const TOLERANCE = 1e-5;
/** CSOM's maps start as (nearly) equal units (webgpu-kinds.test-helper.ts): its step is measured at 2.1e-5. */
const LOOSER: Record<string, number> = { csom: 1e-4 };

it('the check covers every experiment kind', () => {
  const kinds = ExperimentSpecSchema.options.map((o) => o.shape.kind.value);
  const covered = Object.values(KIND_SPECS).map(([raw]) => parseSpec(raw, 'kind spec').kind);
  expect(new Set(covered)).toEqual(new Set(kinds));
});

const run = await runWebGpuChild<Result>(new URL('./webgpu-kinds-check.test-helper.ts', import.meta.url));
if (!run.ok)
  console.warn(`webgpu-vs-cpu kind tests skipped: ${run.skip} (bash scripts/lavapipe.sh gives a software adapter)`);

describe.skipIf(!run.ok)('every experiment kind on webgpu against the cpu backend', () => {
  const r = run.ok ? run.value : (null as never);

  for (const name of Object.keys(KIND_SPECS))
    it(`${name}: the same weights and metrics after its steps (tolerance ${LOOSER[name] ?? TOLERANCE})`, () => {
      const k = r.kinds[name]!;
      console.log(
        `${name} on ${r.device}: weights ${k.weights.toExponential(1)}, metrics ${k.rowsDiff.toExponential(1)}`,
      );
      expect(k.tensors).toBeGreaterThan(0);
      expect(k.weights).toBeLessThan(LOOSER[name] ?? TOLERANCE);
      expect(k.rowsDiff).toBeLessThan(TOLERANCE);
    });

  it('the fused batch-SOM kernels and the long-K matmuls give the cpu kernels’ results', () => {
    expect(Object.keys(r.kernels)).toHaveLength(5);
    for (const [shape, d] of Object.entries(r.kernels)) expect(d, shape).toBeLessThan(TOLERANCE);
  });

  it('no device error on the way', () => {
    expect(r.fault).toBeNull();
  });
});
