import { describe, expect, it } from 'vitest';
import type { AdapterInfo, BackendReport } from '../../shared/run-types';
import { runWebGpuChild } from './webgpu-checks/run-child.test-helper';

interface Result {
  auto: BackendReport;
  named: BackendReport & { adapter: AdapterInfo };
  limit: number;
  before: string | null;
  after: string | null;
}

const run = await runWebGpuChild<Result>(new URL('./webgpu-checks/adapter-check.test-helper.ts', import.meta.url));
if (!run.ok)
  console.warn(`webgpu adapter tests skipped: ${run.skip} (bash scripts/lavapipe.sh gives a software adapter)`);

describe.skipIf(!run.ok)('a real WebGPU adapter', () => {
  const r = run.ok ? run.value : (null as never);

  it('a software adapter is not chosen in auto (wasm is), and is recorded when asked for by name', () => {
    if (!r.named.adapter.fallback) return console.warn(`a hardware adapter (${r.named.device}): ranking not exercised`);
    expect(r.auto.name).toBe('wasm');
    const skip = r.auto.skipped.find((s) => s.name === 'webgpu')!;
    expect(skip.reason).toMatch(/^the only WebGPU adapter is a software one \(.+\), slower than wasm/);
    expect(r.named.name).toBe('webgpu');
    expect(r.named.device).toMatch(/via Dawn\/WebGPU, a software adapter$/);
    expect(`${r.named.adapter.vendor} ${r.named.adapter.device} ${r.named.adapter.description}`).toMatch(
      /llvmpipe|lavapipe|swiftshader/i,
    );
  });

  it("the device has the adapter's binding limit; binding more is caught as a fault that says why", () => {
    expect(r.limit).toBeGreaterThanOrEqual(128 * 2 ** 20);
    expect(r.before).toBeNull();
    expect(r.after).toMatch(/^the GPU device reported an error, so its results cannot be trusted: .*[Bb]inding size/);
  });
});
