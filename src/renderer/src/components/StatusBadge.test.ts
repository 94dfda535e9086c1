// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, nextTick, type App } from 'vue';
import { createPinia } from 'pinia';
import { createFakeApi, type FakeApi } from '../api/fake-api.test-helper';
import { setApi } from '../api';
import { useRunsStore } from '../stores/runs';
import RunList from './RunList.vue';

let fake: FakeApi, app: App, host: HTMLElement;
beforeEach(() => {
  // One trainer slot, as on a busy machine: a sweep's other variants wait.
  fake = createFakeApi({
    maxTrainers: 1,
    project: { format: 'somlab-project', version: 1, name: 'p', created: '', dir: '/p' },
  });
  setApi(fake);
  host = document.createElement('div');
  document.body.appendChild(host);
  app = createApp(RunList).use(createPinia());
  app.mount(host);
});
afterEach(() => {
  app.unmount();
  host.remove();
});

describe('status badge', () => {
  it('shows runs waiting for a trainer slot as queued in the run list', async () => {
    await useRunsStore().startPreset('seed002-soft-som-spiral'); // three variants
    await useRunsStore().refresh();
    await nextTick();
    const badges = [...host.querySelectorAll('.badge')];
    const queued = badges.filter((b) => b.classList.contains('queued'));
    expect(queued.map((b) => b.textContent)).toEqual(['queued', 'queued']);
  });
});
