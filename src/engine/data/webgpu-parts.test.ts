import { describe, expect, it } from 'vitest';
import { runWebGpuChild } from '../backend/webgpu-checks/run-child.test-helper';

interface Result {
  device: string;
  limit: number;
  parts: number[];
  exactPart: number;
  errors: number[];
  loss: number;
  evaluation: Record<string, number>;
  fault: string | null;
}

const run = await runWebGpuChild<Result>(new URL('./webgpu-parts-check.test-helper.ts', import.meta.url));
if (!run.ok) console.warn(`webgpu dataset-parts tests skipped: ${run.skip} (bash scripts/lavapipe.sh gives one)`);

describe.skipIf(!run.ok)('full MNIST on a real WebGPU device', () => {
  const r = run.ok ? run.value : (null as never);

  it("goes up in parts under the device's binding limit, and batches gathered from them are the host's rows", () => {
    // 60,000 × 3,136 bytes: over one 128 MiB binding, so at least two parts, each within the limit.
    if (r.limit >= 60_000 * 3136) console.warn(`${r.device} binds ${r.limit} bytes: full MNIST fits in one part`);
    else expect(r.parts.length).toBeGreaterThanOrEqual(2);
    expect(r.parts.reduce((a, b) => a + b, 0)).toBe(60_000 * 3136);
    for (const p of r.parts) expect(p).toBeLessThanOrEqual(r.limit);
    expect(r.exactPart).toBeLessThanOrEqual(r.limit);
    expect(r.exactPart).toBeGreaterThan(r.limit - 4096);
    expect(r.errors).toEqual([0, 0, 0]);
  });

  it('trains and evaluates an MLP on it with no device error', () => {
    expect(r.fault).toBeNull();
    expect(r.loss).toBeGreaterThan(0);
    expect(r.loss).toBeLessThan(5);
    expect(r.evaluation.testAccuracy).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(r.evaluation.testLoss)).toBe(true);
  });
});
