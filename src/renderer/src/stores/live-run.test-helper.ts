// Shared fixtures of the liveRun store tests: a small SOM spec, its run-started event, a snapshot maker.
import { EVENTS_VERSION as v, type RunEvent } from '../../../shared/events';
import type { SomSnapshot } from '../../../shared/run-types';
import { parseSpec } from '../../../shared/validate';
import { createFakeApi, type FakeApi } from '../api/fake-api.test-helper';
import { setApi } from '../api';

export const spec = parseSpec({
  kind: 'som',
  dataset: { source: 'builtin', name: 'colors' },
  batchSize: 10,
  som: { rows: 2, cols: 3, sigma: { start: 2, end: 0.5 } },
});
export const snap = (step: number, layer = 'som'): SomSnapshot => ({
  step,
  layer,
  rows: 2,
  cols: 3,
  topology: 'rect',
  shape: [3],
  codebook: new Float32Array(18).fill(step / 100),
  hits: new Float32Array(6),
  umatrix: new Float32Array(6),
});
export const started: RunEvent = {
  type: 'run-started',
  v,
  runId: 'r1',
  spec,
  totalSteps: 100,
  startedAt: '2026-01-02T03:04:05Z',
  backend: { name: 'wasm', device: 'wasm SIMD', skipped: [] },
};
export const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** A fresh fake Api with an open project, installed as the renderer's Api. */
export function installFakeApi(): FakeApi {
  const fake = createFakeApi({ project: { format: 'somlab-project', version: 1, name: 'p', created: '', dir: '/p' } });
  setApi(fake);
  return fake;
}
