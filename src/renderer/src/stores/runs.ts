/**
 * runs: the open project's run list (refreshed when runs appear, start or end, by this lab or any other process
 * writing into the project), each running run's progress, and the preset gallery.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef, triggerRef } from 'vue';
import type { PhaseReport, RunEvent } from '../../../shared/events';
import { foldPhase } from '../run/phase';
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

  /**
   * Step reached by each running run, from its metrics events, and the long phase it is in (evaluating 45 %),
   * from its progress events: the run list's progress, updated coalesced.
   */
  const progress = shallowRef(new Map<RunId, { step?: number; total?: number; phase?: PhaseReport }>());
  let progressPending: ReturnType<typeof setTimeout> | null = null;
  function noteProgress(e: RunEvent): void {
    const m = progress.value;
    if (e.type === 'run-started') m.set(e.runId, { step: 0, total: e.totalSteps });
    else if (e.type === 'metrics') m.set(e.runId, { ...m.get(e.runId), step: e.rows[e.rows.length - 1]!.step + 1 });
    else if (e.type === 'progress') m.set(e.runId, { ...m.get(e.runId), phase: foldPhase(undefined, e) });
    else if (e.type === 'finished' || e.type === 'failed') m.delete(e.runId);
    else return;
    progressPending ??= setTimeout(() => {
      progressPending = null;
      triggerRef(progress);
    }, 250);
  }

  /** Refreshes on run-created/started/finished/failed (coalesced), including runs other processes write. */
  function attach(delayMs = 250): () => void {
    const off = getApi().onRunEvent((e) => {
      noteProgress(e);
      // A queued run turns "starting" at run-created, "running" at run-started.
      if (!['run-queued', 'run-created', 'run-started', 'finished', 'failed'].includes(e.type)) return;
      if (pending) clearTimeout(pending);
      pending = setTimeout(() => {
        pending = null;
        void refresh();
      }, delayMs);
    });
    return () => {
      off();
      if (pending) clearTimeout(pending);
      if (progressPending) clearTimeout(progressPending);
      pending = progressPending = null;
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

  /** A spec for the new-run form to load ("run again with changes" from a run's view), taken by the form. */
  const draft = shallowRef<ExperimentSpecInput | null>(null);

  /** Puts an updated summary (rename, tags, note) in place without refetching the list. */
  function replace(run: RunSummary): void {
    list.value = list.value.map((r) => (r.id === run.id ? { ...r, ...run } : r));
  }

  return { draft, replace, list, progress, presets, loading, error, refresh, loadPresets, attach, start, startPreset };
});
