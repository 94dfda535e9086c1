/**
 * runManage: the user's changes to saved runs — name, tags and note (meta.json), delete into the project's
 * trash with an undo, restore from it, and stopping a whole sweep. Every change goes through the Api and the
 * run list is updated from its answer; errors are kept for the table to show, never thrown at a click.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { RunMetaPatch } from '../../../shared/api';
import type { RunSummary } from '../../../shared/project';
import { getApi } from '../api';
import { displayName } from '../run/run-table';
import { useRunsStore } from './runs';

export const useRunManageStore = defineStore('runManage', () => {
  const runs = useRunsStore();
  const error = ref<string | null>(null);
  /** The run deleted last, for the "moved to trash — Undo" bar. */
  const lastTrashed = shallowRef<RunSummary | null>(null);
  /** Ids in the project's trash/ (loaded when the trash is shown). */
  const trashed = shallowRef<string[]>([]);
  /** Names of the runs deleted this session (the trash lists ids; a name is what the user knows them by). */
  const trashedNames = new Map<string, string>();
  const nameInTrash = (id: string): string | undefined => trashedNames.get(id);

  async function attempt<T>(what: string, f: () => Promise<T>): Promise<T | undefined> {
    error.value = null;
    try {
      return await f();
    } catch (e) {
      error.value = `${what}: ${(e as Error).message}`;
      return undefined;
    }
  }

  async function update(id: string, patch: RunMetaPatch): Promise<boolean> {
    const run = await attempt(`changing run ${id}`, () => getApi()['runs:update'](id, patch));
    if (run) runs.replace(run);
    return run !== undefined;
  }

  async function loadTrash(): Promise<void> {
    trashed.value = (await attempt('reading the trash', () => getApi()['runs:trashed']())) ?? trashed.value;
  }

  async function trash(run: RunSummary): Promise<void> {
    const ok = await attempt(`deleting run ${run.name || run.id}`, async () => {
      await getApi()['runs:trash'](run.id);
      return true;
    });
    if (!ok) return;
    lastTrashed.value = run;
    trashedNames.set(run.id, displayName(run));
    runs.list = runs.list.filter((r) => r.id !== run.id);
    await loadTrash();
  }

  async function restore(id: string): Promise<void> {
    const ok = await attempt(`restoring run ${id}`, async () => {
      await getApi()['runs:restore'](id);
      return true;
    });
    if (!ok) return;
    if (lastTrashed.value?.id === id) lastTrashed.value = null;
    await Promise.all([runs.refresh(), loadTrash()]);
  }

  /** Takes back the last delete. */
  async function undo(): Promise<void> {
    if (lastTrashed.value) await restore(lastTrashed.value.id);
  }

  async function stopGroup(group: string): Promise<void> {
    await attempt(`stopping sweep ${group}`, () => getApi()['runs:stopGroup'](group));
    await runs.refresh();
  }

  return { error, lastTrashed, trashed, nameInTrash, update, loadTrash, trash, restore, undo, stopGroup };
});
