// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, defineComponent, h, nextTick, type App } from 'vue';
import { createFakeApi, type FakeApi } from '../api/fake-api.test-helper';
import { setApi } from '../api';

// ECharts stubbed: the stub records what the chart was given.
const setOptions: { series: { name: string; data: [number, number][] }[] }[] = [];
vi.mock('vue-echarts', () => ({
  default: defineComponent({
    setup(_p, { expose }) {
      expose({ setOption: (o: (typeof setOptions)[number]) => setOptions.push(o), getOption: () => ({}) });
      return () => h('div', { class: 'chart-stub' });
    },
  }),
}));

import RobustnessPanel from './RobustnessPanel.vue';

const MLP = { kind: 'baseline-mlp', dataset: { source: 'builtin', name: 'spirals' }, epochs: 1, hidden: [4] };
let fake: FakeApi,
  app: App | null = null,
  host: HTMLElement;
const flush = async (): Promise<void> => {
  for (let i = 0; i < 4; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await nextTick();
  }
};
function mount(props: { runId: string; kind: string; status: string }): void {
  app = createApp(RobustnessPanel, props);
  app.mount(host);
}

beforeEach(() => {
  setOptions.length = 0;
  fake = createFakeApi({ project: { format: 'somlab-project', version: 1, name: 'p', created: '', dir: '/p' } });
  setApi(fake);
  host = document.createElement('div');
  document.body.appendChild(host);
});
afterEach(() => {
  app?.unmount();
  app = null;
  host.remove();
});

describe('RobustnessPanel', () => {
  it('runs FGSM on a finished classifier run and draws accuracy over ε', async () => {
    const id = fake.seedRun(MLP);
    mount({ runId: id, kind: 'baseline-mlp', status: 'finished' });
    await flush();
    expect(host.textContent).toContain('No attack evaluated yet');
    const button = [...host.querySelectorAll('button')].find((b) => b.textContent?.includes('Run FGSM'))!;
    button.click();
    await flush();
    expect(
      fake.calls.some((c) => c.call === 'runs:robustness' && (c.args[1] as { attack: string }).attack === 'fgsm'),
    ).toBe(true);
    const curve = (await fake['runs:robustnessCurves'](id))[0]!;
    const last = setOptions.at(-1)!;
    expect(last.series.map((s) => s.name)).toEqual([expect.stringContaining('FGSM')]);
    expect(last.series[0]!.data.map((p) => p[0])).toEqual(curve.eps);
    expect(host.querySelector('[role="alert"]')).toBeNull();
  });

  it('says why an unfinished run cannot be attacked, and shows nothing for a SOM run', async () => {
    const id = fake.seedRun(MLP);
    mount({ runId: id, kind: 'baseline-mlp', status: 'running' });
    await flush();
    const buttons = [...host.querySelectorAll('button')];
    expect(buttons.every((b) => b.disabled)).toBe(true);
    expect(host.textContent).toContain('the run must finish first');
    app!.unmount();
    mount({ runId: id, kind: 'som', status: 'finished' });
    await flush();
    expect(host.textContent).not.toContain('Adversarial robustness');
  });
});
