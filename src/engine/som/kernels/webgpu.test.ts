import { describe, expect, it } from 'vitest';
import type { StepCounts } from '../../backend/counters';
import { runWebGpuChild } from '../../backend/webgpu-checks/run-child.test-helper';
import { SOM_STEP } from './names';

interface Result {
  device: string;
  errors: Record<string, number[]>;
  counts: StepCounts;
  leaked: number;
}

const run = await runWebGpuChild<Result>(new URL('./webgpu-check.test-helper.ts', import.meta.url));
if (!run.ok)
  console.warn(`webgpu SOM kernel tests skipped: ${run.skip} (bash scripts/lavapipe.sh gives a software adapter)`);

describe.skipIf(!run.ok)('the fused SOM kernels on webgpu', () => {
  const r = run.ok ? run.value : (null as never);

  it('match the float64 loop to float32 rounding (step, Σ hᵀX, Σh), tiles full or not, chunked or not', () => {
    for (const [shape, errs] of Object.entries(r.errors)) {
      // Sums of b float32 terms in another order than the loop's: within b·2⁻²⁴ (at least 1e-5) of the largest value.
      const b = Number(shape.split('x')[0]);
      for (const e of errs) expect(e, `${shape} on ${r.device}`).toBeLessThan(Math.max(1e-5, b * 2 ** -24));
    }
  });

  it('are one engine kernel of three GPU programs, with no read-back and no leak', () => {
    expect(r.counts.byKernel).toEqual({ [SOM_STEP]: 1 });
    expect(r.counts.gpuPrograms).toBe(3);
    expect(r.counts.reads).toBe(0);
    expect(r.leaked).toBe(0);
  });
});
