// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, h, nextTick, type App } from 'vue';
import { createPinia } from 'pinia';
import { createFakeApi, type FakeApi } from '../api/fake-api.test-helper';
import { setApi } from '../api';
import { useRunsStore } from '../stores/runs';
import type { DatasetLimits } from '../../../shared/api';
import { formatBytes } from '../../../shared/admission/admit';
import { estimateSpecMemory } from '../../../shared/admission/estimate';
import { parseSpec } from '../../../shared/validate';
import SpecCostLine from './SpecCostLine.vue';

const spec = {
  kind: 'som',
  dataset: { source: 'folder', path: '/data/big' },
  batchSize: 4096,
  som: { rows: 30, cols: 30, sigma: { start: 5, end: 1 } },
};
const shape = { trainRows: 100_000, testRows: 0, sample: [16] };
const limits: DatasetLimits = {
  rows: 100_000,
  features: 16,
  streamed: false,
  memoryBytes: 0,
  memoryWhat: '',
  dataShape: shape,
};

let fake: FakeApi, app: App, host: HTMLElement;
beforeEach(() => {
  fake = createFakeApi({ project: { format: 'somlab-project', version: 1, name: 'p', created: '', dir: '/p' } });
  setApi(fake);
  host = document.createElement('div');
  document.body.appendChild(host);
});
afterEach(() => {
  app.unmount();
  host.remove();
});

async function mount(draft: unknown): Promise<void> {
  app = createApp({ render: () => h(SpecCostLine, { limits, spec: draft }) }).use(createPinia());
  app.mount(host);
  await useRunsStore().refresh();
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
  await nextTick();
}
const text = (id: string) => host.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';

describe('the spec cost line', () => {
  it("states the admission check's memory and the time from the newest measured run, scaled", async () => {
    const colours = {
      kind: 'som',
      name: 'colours',
      dataset: { source: 'builtin', name: 'colors' },
      epochs: 1,
      batchSize: 500,
      som: { rows: 3, cols: 3, sigma: { start: 2, end: 0.5 } },
    };
    const id = fake.seedRun(colours, new Date('2026-12-01T10:00:00Z'));
    fake.runs.get(id)!.summary.samplesPerSec = 9000;
    await mount(spec);
    const bytes = estimateSpecMemory(parseSpec(spec), shape).bytes;
    expect(text('spec-memory')).toContain(`This spec in the trainer ≈ ${formatBytes(bytes)}`);
    // 9,000 samples/s on 9 neurons × 3 features → 9000 × 27 / (900 × 16) = 16.875 samples/s;
    // 100,000 rows / 16.875 = 5,926 s = 1 h 38 min.
    expect(text('spec-time')).toBe(
      '≈ 1 h 38 min per epoch (100,000 rows at ≈ 17 samples/s), from run colours on cpu at 9,000 samples/s, ' +
        'scaled by neurons × features (9 × 3 there)',
    );
  });

  it('says so when there is no reference or the spec is not valid yet', async () => {
    await mount(spec);
    expect(text('spec-time')).toMatch(/^no time estimate yet/);
    app.unmount();
    await mount({ ...spec, som: { rows: 0 } });
    expect(text('spec-memory')).toBe('no estimate until the spec is valid');
  });
});
