// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, nextTick, type App } from 'vue';
import { createPinia } from 'pinia';
import { createFakeApi, type FakeApi } from '../api/fake-api.test-helper';
import { setApi } from '../api';
import { useRunsStore } from '../stores/runs';
import RunList from './RunList.vue';

const som = (name: string) => ({
  kind: 'som',
  name,
  dataset: { source: 'builtin', name: 'colors' },
  epochs: 1,
  batchSize: 500,
  snapshotEvery: 2,
  som: { rows: 3, cols: 3, sigma: { start: 2, end: 0.5 } },
});

let fake: FakeApi, app: App, host: HTMLElement, opened: string[];
beforeEach(async () => {
  fake = createFakeApi({ project: { format: 'somlab-project', version: 1, name: 'p', created: '', dir: '/p' } });
  setApi(fake);
  fake.seedRun(som('alpha'), new Date('2026-12-01T10:00:00Z'));
  fake.seedRun(som('beta'), new Date('2026-12-01T11:00:00Z'));
  host = document.createElement('div');
  document.body.appendChild(host);
  opened = [];
  app = createApp(RunList, { onOpen: (id: string) => opened.push(id) }).use(createPinia());
  app.mount(host);
  await useRunsStore().refresh();
  await settle();
});
afterEach(() => {
  app.unmount();
  host.remove();
});

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  await nextTick();
}
const rows = () => [...host.querySelectorAll<HTMLTableRowElement>('tr.run-row')];
const names = () => rows().map((r) => r.querySelector('.name')!.textContent!.trim());
const button = (root: ParentNode, text: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;
function type(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input'));
}
const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));

describe('run table', () => {
  it('shows names newest first and sorts by a column', async () => {
    expect(names()).toEqual(['beta', 'alpha']);
    button(host, 'Run').click();
    await settle();
    expect(names()).toEqual(['alpha', 'beta']);
  });

  it('renames with Enter, tags, and cancels with Escape; search and the tag filter find the run', async () => {
    key(rows()[1]!, 'F2'); // alpha
    await settle();
    const form = host.querySelector('form.meta-editor')!;
    const [name, tags] = [...form.querySelectorAll('input')] as HTMLInputElement[];
    expect(document.activeElement).toBe(name);
    type(name!, 'alpha renamed');
    type(tags!, 'paper, best,paper');
    key(name!, 'Enter');
    await settle();
    expect(host.querySelector('form.meta-editor')).toBeNull();
    expect(names()).toEqual(['beta', 'alpha renamed']);
    expect(fake.calls.find((c) => c.call === 'runs:update')!.args[1]).toMatchObject({
      name: 'alpha renamed',
      tags: ['paper', 'best'],
    });
    // Escape leaves the run as it was.
    key(rows()[0]!, 'F2');
    await settle();
    const again = host.querySelector<HTMLInputElement>('form.meta-editor input')!;
    type(again, 'never saved');
    key(again, 'Escape');
    await settle();
    expect(names()).toEqual(['beta', 'alpha renamed']);
    type(host.querySelector<HTMLInputElement>('input[type=search]')!, 'renamed');
    await settle();
    expect(names()).toEqual(['alpha renamed']);
    type(host.querySelector<HTMLInputElement>('input[type=search]')!, '');
    type(host.querySelector<HTMLSelectElement>('select[aria-label="Filter by tag"]')!, 'best');
    await settle();
    expect(names()).toEqual(['alpha renamed']);
  });

  it('deletes into the trash with an undo, and restores from the trash list', async () => {
    button(rows()[0]!, 'Delete').click(); // beta
    await settle();
    expect(names()).toEqual(['alpha']);
    expect(host.querySelector('.undo-bar')!.textContent).toContain('“beta” moved to the project');
    button(host, 'Undo').click();
    await settle();
    expect(names()).toEqual(['beta', 'alpha']);
    expect(host.querySelector('.undo-bar')).toBeNull();
    key(rows()[1]!, 'Delete'); // alpha, from the keyboard
    await settle();
    button(host, 'Trash').click();
    await settle();
    const trash = host.querySelector('section.trash')!;
    expect(trash.textContent).toContain('alpha');
    button(trash, 'Restore').click();
    await settle();
    expect(names()).toEqual(['beta', 'alpha']);
    expect(host.querySelector('section.trash')!.textContent).toContain('The trash is empty');
  });

  it('opens a focused row with Enter', async () => {
    key(rows()[0]!, 'Enter');
    expect(opened).toHaveLength(1);
  });

  it("shows a running run's phase from its progress events (evaluating 45 %), then its steps again", async () => {
    const id = [...fake.runs.keys()][0]!;
    Object.assign(fake.runs.get(id)!.summary, { status: 'running', lastStep: 1, totalSteps: 2 });
    const runs = useRunsStore();
    const off = runs.attach(0);
    await runs.refresh();
    const progress = (done: number) =>
      fake.emit({ type: 'progress', v: 1, runId: id, phase: 'evaluate', unit: 'rows', done, total: 40_960 });
    const shown = async () => {
      await new Promise((r) => setTimeout(r, 300)); // the store publishes progress coalesced (250 ms)
      await settle();
      return host.querySelector('[data-testid="run-progress"]')!.textContent!.trim();
    };
    progress(18_432);
    expect(await shown()).toBe('evaluating 45 %');
    expect(host.querySelector('[data-testid="run-progress"]')!.getAttribute('title')).toBe('18,432 of 40,960 rows');
    progress(40_960); // the pass is over: the step count again (lastStep 1 → step 2 of 2)
    expect(await shown()).toBe('2/2');
    off();
  });
});
