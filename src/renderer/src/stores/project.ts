/** project: the open project folder (open an existing one or create a new one). */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ProjectInfo } from '../../../shared/api';
import { getApi } from '../api';

const RECENT_KEY = 'somlab.recentProjects';

function readRecent(): string[] {
  try {
    return JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
}

export const useProjectStore = defineStore('project', () => {
  const current = shallowRef<ProjectInfo | null>(null);
  const busy = ref(false);
  const error = ref<string | null>(null);
  const recent = ref<string[]>(readRecent());

  function remember(dir: string): void {
    recent.value = [dir, ...recent.value.filter((d) => d !== dir)].slice(0, 6);
    try {
      localStorage.setItem(RECENT_KEY, JSON.stringify(recent.value));
    } catch {
      /* storage may be off */
    }
  }

  async function act(what: string, fn: () => Promise<ProjectInfo | null>): Promise<boolean> {
    busy.value = true;
    error.value = null;
    try {
      current.value = await fn();
      if (current.value) remember(current.value.dir);
      return true;
    } catch (e) {
      error.value = `${what}: ${(e as Error).message}`;
      return false;
    } finally {
      busy.value = false;
    }
  }

  /** The host's recent projects (Electron keeps them in main) ahead of this browser's own list. */
  async function loadRecent(): Promise<void> {
    const fromHost = await getApi()
      ['projects:recent']()
      .catch(() => [] as string[]);
    recent.value = [...new Set([...fromHost, ...readRecent()])].slice(0, 6);
  }

  const loadCurrent = (): Promise<boolean> => act('current project', () => getApi()['project:current']());
  const openDefault = (): Promise<boolean> => act('default project', () => getApi()['project:openDefault']());
  const open = (dir: string): Promise<boolean> => act(`open ${dir}`, () => getApi()['project:open'](dir));
  const create = (dir: string, name: string): Promise<boolean> =>
    act(`create ${dir}`, () => getApi()['project:create'](dir, name));

  return { current, busy, error, recent, loadRecent, loadCurrent, openDefault, open, create };
});
