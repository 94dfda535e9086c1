/** runs: the open project's run list (refreshed when runs start or end) and the preset gallery. */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { Preset, RunId } from '../../../shared/run-types';
import type { ExperimentSpecInput } from '../../../shared/spec';
import type { RunSummary } from '../../../shared/project';
import { getApi } from '../api';

export const useRunsStore = defineStore('runs', () => {
  const list = shallowRef<RunSummary[]>([]);
  const presets = shallowRef<Preset[]>([]);
  const loading = ref(false);
  const error = ref<string | null>(null);
  let pending: ReturnType<typeof setTimeout> | null = null;

  async function refresh(): Promise<void> {
    loading.value = true;
    try {
      list.value = await getApi()['runs:list']();
      error.value = null;
    } catch (e) {
      list.value = [];
      error.value = (e as Error).message;
    } finally {
      loading.value = false;
    }
  }

  async function loadPresets(): Promise<void> {
    try {
      presets.value = await getApi()['presets:list']();
    } catch (e) {
      error.value = `presets: ${(e as Error).message}`;
    }
  }

  /** Refreshes on run-started/finished/failed (coalesced); returns the disposer. */
  function attach(delayMs = 250): () => void {
    const off = getApi().onRunEvent((e) => {
      if (e.type !== 'run-started' && e.type !== 'finished' && e.type !== 'failed') return;
      if (pending) clearTimeout(pending);
      pending = setTimeout(() => {
        pending = null;
        void refresh();
      }, delayMs);
    });
    return () => {
      off();
      if (pending) clearTimeout(pending);
      pending = null;
    };
  }

  /** Starts a run; a spec the host refuses rejects with its message. */
  async function start(spec: ExperimentSpecInput): Promise<RunId> {
    const id = await getApi()['runs:start'](spec);
    void refresh();
    return id;
  }

  /** Starts a preset by name: a single run, or a sweep's variants one after another on the host. */
  async function startPreset(name: string): Promise<RunId> {
    const id = await getApi()['runs:startPreset'](name);
    void refresh();
    return id;
  }

  return { list, presets, loading, error, refresh, loadPresets, attach, start, startPreset };
});
