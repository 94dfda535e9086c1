// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, nextTick, type App } from 'vue';
import { createPinia } from 'pinia';
import { createFakeApi, type FakeApi } from '../api/fake-api.test-helper';
import { setApi } from '../api';

import NewRunForm from './NewRunForm.vue';

let fake: FakeApi,
  app: App | null = null,
  host: HTMLElement,
  started: string[],
  form: { loadSpec(spec: unknown): void };
beforeEach(() => {
  fake = createFakeApi({ project: { format: 'somlab-project', version: 1, name: 'p', created: '', dir: '/p' } });
  setApi(fake);
  host = document.createElement('div');
  document.body.appendChild(host);
  started = [];
  app = createApp(NewRunForm, { onStarted: (id: string) => started.push(id) }).use(createPinia());
  form = app.mount(host) as unknown as typeof form;
});
afterEach(() => {
  app?.unmount();
  host.remove();
});

const $ = <T extends Element>(sel: string): T => {
  const el = host.querySelector<T>(sel);
  if (!el) throw new Error(`no element ${sel}`);
  return el;
};
async function change(sel: string, value: string): Promise<void> {
  const el = $<HTMLInputElement | HTMLSelectElement>(sel);
  el.value = value;
  el.dispatchEvent(new Event('change'));
  await nextTick();
}

describe('new-run form', () => {
  it('shows the schema message next to a bad field and clears it when fixed', async () => {
    expect($('#f-som-rows-msg').textContent).toBe('integer 1…256');
    await change('#f-som-rows', '0');
    expect($('#f-som-rows').getAttribute('aria-invalid')).toBe('true');
    expect($('#f-som-rows-msg').textContent).toMatch(/Too small: expected number to be >=1 \(received number 0\)/);
    expect(host.textContent).toContain('1 field needs fixing');
    await change('#f-som-rows', '12');
    expect($('#f-som-rows').getAttribute('aria-invalid')).toBe('false');
    expect($('#f-som-rows-msg').textContent).toBe('integer 1…256');
  });

  it('names text that is not a number, and the cross-field ring rule on rows', async () => {
    await change('#f-epochs', 'many');
    expect($('#f-epochs-msg').textContent).toMatch(/expected number/);
    await change('#f-epochs', '');
    await change('#f-som-topology', 'ring');
    expect($('#f-som-rows-msg').textContent).toMatch(/a chain or ring is one-dimensional: rows must be 1/);
  });

  it('regenerates the fields for another kind', async () => {
    await change('#f-kind', 'baseline-mlp');
    expect(host.querySelector('#f-som-rows')).toBeNull();
    expect($<HTMLSelectElement>('#f-optimizer').options.length).toBeGreaterThan(2);
  });

  it('starts a valid spec through the api and reports the run id', async () => {
    await change('#f-seed', '7');
    $<HTMLFormElement>('form').dispatchEvent(new Event('submit'));
    await new Promise((r) => setTimeout(r, 0));
    const call = fake.calls.find((c) => c.call === 'runs:start')!;
    expect(call.args[0]).toMatchObject({ kind: 'som', seed: 7, som: { rows: 10 } });
    expect(started).toHaveLength(1);
  });

  it('edits the same draft as JSON: text that does not parse keeps its error and blocks the start', async () => {
    await change('#f-seed', '5');
    $<HTMLButtonElement>('#tab-json').click();
    await nextTick();
    const box = $<HTMLTextAreaElement>('#spec-json');
    const spec = JSON.parse(box.value) as Record<string, unknown>;
    expect(spec).toMatchObject({ kind: 'som', seed: 5 });
    const type = async (text: string): Promise<void> => {
      box.value = text;
      box.dispatchEvent(new Event('input'));
      await nextTick();
    };
    await type('{"kind": "som",');
    expect($('[role="alert"]').textContent).toMatch(/^JSON: /);
    $<HTMLFormElement>('form').dispatchEvent(new Event('submit'));
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.calls.filter((c) => c.call === 'runs:start')).toEqual([]);
    await type(JSON.stringify({ ...spec, seed: 9 }));
    expect(host.querySelector('[role="alert"]')).toBeNull();
    $<HTMLButtonElement>('#tab-form').click();
    await nextTick();
    expect($<HTMLInputElement>('#f-seed').value).toBe('9');
  });

  it('does not start an invalid spec', async () => {
    await change('#f-som-cols', '999');
    $<HTMLFormElement>('form').dispatchEvent(new Event('submit'));
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.calls.filter((c) => c.call === 'runs:start')).toEqual([]);
    expect($('#f-som-cols-msg').textContent).toMatch(/<=256/);
  });

  it('shows a playground run\'s inline points read-only on "Run again with changes" and keeps them', async () => {
    const points = [
      [0, 0],
      [1, 1],
      [0, 1],
    ];
    const dataset = { source: 'inline', name: 'clicked', classes: 2, points, labels: [0, 1, 1] };
    form.loadSpec({ kind: 'soft-som', dataset });
    await nextTick();
    expect($<HTMLInputElement>('input[name="ds-source"][value="inline"]').checked).toBe(true);
    expect(host.querySelector('input[name="ds-source"]:checked')?.getAttribute('value')).toBe('inline');
    expect($('#f-dataset-inline').textContent).toContain('inline “clicked”: 3 points, 2 classes');
    expect(host.querySelector('#f-dataset-path')).toBeNull();
    await change('#f-dataset-trainLimit', '2');
    $<HTMLFormElement>('form').dispatchEvent(new Event('submit'));
    await new Promise((r) => setTimeout(r, 0));
    const call = fake.calls.find((c) => c.call === 'runs:start')!;
    expect(call.args[0]).toMatchObject({ kind: 'soft-som', dataset: { ...dataset, trainLimit: 2 } });
  });
});
