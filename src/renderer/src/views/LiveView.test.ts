// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, defineComponent, h, nextTick, type App } from 'vue';
import { createPinia } from 'pinia';
import { EVENTS_VERSION as v } from '../../../shared/events';
import { parseSpec } from '../../../shared/validate';
import { createFakeApi, type FakeApi } from '../api/fake-api.test-helper';
import { setApi } from '../api';
import { useLiveRunStore } from '../stores/live-run';
import { useNavStore } from '../stores/nav';

// ECharts stubbed: the stub records every setOption so the test can see what the charts were given.
const setOptions: { series: { name: string; data: [number, number][] }[] }[] = [];
vi.mock('vue-echarts', () => ({
  default: defineComponent({
    props: { option: { type: Object, default: null } },
    setup(_p, { expose }) {
      expose({
        setOption: (o: (typeof setOptions)[number]) => setOptions.push(o),
        getDataURL: () => 'data:image/png;base64,',
        getOption: () => ({}),
        getWidth: () => 100,
        getHeight: () => 100,
      });
      return () => h('div', { class: 'chart-stub' });
    },
  }),
}));

import LiveView from './LiveView.vue';

const spec = parseSpec({
  kind: 'som',
  dataset: { source: 'builtin', name: 'colors' },
  som: { rows: 2, cols: 2, sigma: { start: 1, end: 0.5 } },
});
let fake: FakeApi,
  app: App | null = null,
  host: HTMLElement;
const flush = async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await nextTick();
  }
};

beforeEach(async () => {
  setOptions.length = 0;
  fake = createFakeApi({ project: { format: 'somlab-project', version: 1, name: 'p', created: '', dir: '/p' } });
  setApi(fake);
  host = document.createElement('div');
  document.body.appendChild(host);
  const pinia = createPinia();
  app = createApp(LiveView).use(pinia);
  const live = useLiveRunStore(pinia);
  live.attach();
  fake.emit({
    type: 'run-started',
    v,
    runId: 'r1',
    spec,
    totalSteps: 10,
    startedAt: '2026-01-01T00:00:00Z',
    backend: { name: 'wasm', device: 'wasm SIMD, 2 threads', skipped: [] },
    warnings: ['1 image was resized to 4×3, the most common size: dog/3.png (6×5)'],
  });
  fake.emit({
    type: 'metrics',
    v,
    runId: 'r1',
    rows: [
      { step: 0, epoch: 0, t: 0, qe: 0.5, te: 0.2 },
      { step: 1, epoch: 0, t: 50, qe: 0.4, te: 0.1 },
    ],
  });
  useNavStore(pinia).go('live', 'r1');
  app.mount(host);
  await flush();
});
afterEach(() => {
  app?.unmount();
  host.remove();
});

describe('live view', () => {
  it('shows the run, its backend and progress, and the SOM charts with their series', async () => {
    await new Promise((r) => setTimeout(r, 350)); // charts redraw on a 300 ms throttle
    expect(host.textContent).toContain('wasm SIMD, 2 threads');
    expect(host.textContent).toContain('step 2 / 10');
    const warned = host.querySelector('.data-warnings')!;
    expect(warned.textContent).toContain('1 dataset warning');
    expect(warned.textContent).toContain('dog/3.png (6×5)');
    const titles = [...host.querySelectorAll('.chart-panel h3')].map((e) => e.textContent);
    expect(titles).toEqual(['Quantisation error (QE)', 'Topographic error (TE)']);
    const qe = setOptions.flatMap((o) => o.series).filter((s) => s.name === 'qe');
    expect(qe.length).toBeGreaterThan(0);
    expect(qe[0]!.data).toEqual([
      [0, 0.5],
      [1, 0.4],
    ]); // the raw ghost line under the smoothed one
    expect(host.textContent).toContain('not applicable for plain SOMs');
  });

  it('redraws the charts with rows that arrive after the view opened', async () => {
    fake.emit({ type: 'metrics', v, runId: 'r1', rows: [{ step: 2, epoch: 0, t: 90, qe: 0.3, te: 0.1 }] });
    await flush();
    await new Promise((r) => setTimeout(r, 350)); // charts redraw on a 300 ms throttle
    const latest = setOptions.filter((o) => o.series.some((s) => s.name === 'qe')).at(-1)!;
    expect(latest.series.find((s) => s.name === 'qe')!.data).toEqual([
      [0, 0.5],
      [1, 0.4],
      [2, 0.3],
    ]);
    expect(host.textContent).toContain('step 3 / 10');
  });

  it('pauses and resumes with Space, but not while typing in a field', async () => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: ' ' }));
    await flush();
    expect(fake.calls.map((c) => c.call)).toEqual(['runs:pause']);
    expect(host.querySelector('.badge')!.textContent).toBe('paused');
    const input = host.querySelector('input')!;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    await flush();
    expect(fake.calls).toHaveLength(1);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: ' ' }));
    await flush();
    expect(fake.calls.map((c) => c.call)).toEqual(['runs:pause', 'runs:resume']);
  });

  it('draws mask charts per layer once mask stats arrive', async () => {
    fake.emit({
      type: 'mask-stats',
      v,
      runId: 'r1',
      step: 1,
      layers: [
        { name: 'dense1', sparsity: 0.5, strength: 0.4 },
        { name: 'dense2', sparsity: 0.2, strength: 0.1 },
      ],
    });
    await flush();
    await new Promise((r) => setTimeout(r, 350));
    expect(host.textContent).not.toContain('not applicable');
    const names = new Set(setOptions.flatMap((o) => o.series).map((s) => s.name));
    expect(names).toContain('dense1');
    expect(names).toContain('dense2');
  });
});
