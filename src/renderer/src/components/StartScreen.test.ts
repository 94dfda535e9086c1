// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, nextTick, type App } from 'vue';
import { createPinia } from 'pinia';
import { createFakeApi, type FakeApi } from '../api/fake-api.test-helper';
import { setApi } from '../api';
import { useNavStore } from '../stores/nav';
import { useProjectStore } from '../stores/project';
import StartScreen from './StartScreen.vue';

let fake: FakeApi, app: App, host: HTMLElement, events: string[];
beforeEach(() => {
  localStorage.clear();
  fake = createFakeApi({});
  setApi(fake);
  host = document.createElement('div');
  document.body.appendChild(host);
  events = [];
  app = createApp(StartScreen, {
    onOpened: () => events.push('opened'),
    onFocusFolder: () => events.push('focus-folder'),
  }).use(createPinia());
  app.mount(host);
});
afterEach(() => {
  app.unmount();
  host.remove();
});

const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  await nextTick();
};
const button = (name: string): HTMLButtonElement =>
  [...host.querySelectorAll('button')].find((b) => b.textContent?.includes(name))!;

describe('start screen', () => {
  it('offers the built-in experiment, a new project and an existing one', () => {
    expect(host.querySelector('h2')?.textContent).toBe('Welcome to SOM Lab');
    for (const name of ['Try a built-in experiment', 'New project…', 'Open project…'])
      expect(button(name)).toBeTruthy();
  });

  it('"Try a built-in experiment" opens the default project, starts the colour map, shows it live', async () => {
    button('Try a built-in experiment').click();
    await settle();
    expect(fake.calls.map((c) => c.call)).toEqual(['project:open', 'runs:startPreset']);
    expect(fake.calls[1]!.args).toEqual(['seed004-colors']);
    expect(useProjectStore().current?.dir).toBe('/demo/default-project');
    expect(useNavStore().view).toBe('live');
    expect(events).toEqual(['opened']);
  });

  it('in the browser (no native dialog) New and Open lead to the folder field', async () => {
    button('New project…').click();
    button('Open project…').click();
    await settle();
    expect(events).toEqual(['focus-folder', 'focus-folder']);
  });

  it('lists recent projects and opens one on click', async () => {
    localStorage.setItem('somlab.recentProjects', JSON.stringify(['/home/me/colours']));
    await useProjectStore().loadRecent();
    await settle();
    button('/home/me/colours').click();
    await settle();
    expect(fake.calls.at(-1)).toMatchObject({ call: 'project:open', args: ['/home/me/colours'] });
    expect(events).toEqual(['opened']);
  });
});
