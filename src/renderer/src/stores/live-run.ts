/**
 * liveRun: folds run events for every run seen this session (so a run started from the Runs view is
 * complete when the Live view opens), and exposes the selected one. Big data stays in markRaw objects folded
 * in place; `selected` is a shallowRef that is triggered (triggerRef) after each fold into the selected run, so
 * whatever reads it recomputes and the panels redraw on their own throttle.
 */
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef, triggerRef } from 'vue';
import { EVENTS_VERSION, type RunEvent } from '../../../shared/events';
import type { RunId, SomSnapshot } from '../../../shared/run-types';
import { getApi } from '../api';
import { foldEvent, runFromDetail } from '../run/live-fold';
import { newRun, type LiveRun } from '../run/live-state';
import { liveSummary } from '../run/live-summary';

const MAX_KEPT_RUNS = 6;
/** A reopened run's winner trace: at most this many stored steps are fetched (evenly spread). */
export const MAX_DISK_WINNER_FRAMES = 150;

/** Up to n items spread evenly over a sorted list, always keeping the first and the last. */
export function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, k) => items[Math.round((k * (items.length - 1)) / (n - 1))]!);
}

export const useLiveRunStore = defineStore('liveRun', () => {
  const states = new Map<RunId, LiveRun>();
  const selectedId = ref<RunId | null>(null);
  /** The selected run, or null. Folding mutates it in place, so `changed` triggers the ref by hand. */
  const selected = shallowRef<LiveRun | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  /** A saved snapshot picked with the scrubber (null: follow the latest). */
  const pinned = shallowRef<SomSnapshot | null>(null);

  /** Tells the views that run `id` changed, when it is the selected one. */
  function changed(id: RunId | null): void {
    if (id !== selectedId.value) return;
    selected.value = (id && states.get(id)) || null;
    triggerRef(selected);
  }

  const summary = computed(() => (selected.value ? liveSummary(selected.value) : null));

  function evict(): void {
    for (const [id, r] of states) {
      if (states.size <= MAX_KEPT_RUNS) break;
      if (id !== selectedId.value && r.status !== 'running' && r.status !== 'paused') states.delete(id);
    }
  }

  function onEvent(e: RunEvent): void {
    let r = states.get(e.runId);
    if (!r) {
      states.set(e.runId, (r = markRaw(newRun(e.runId))));
      evict();
    }
    foldEvent(r, e);
    changed(e.runId);
  }

  /** Subscribes to every run event; returns the disposer. */
  function attach(): () => void {
    return getApi().onRunEvent(onEvent);
  }

  async function openFromDisk(id: RunId): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const detail = await getApi()['runs:get'](id);
      const run = markRaw(runFromDetail(detail));
      const live = states.get(id);
      // A run this session watched from its start is already complete in memory: keep that one.
      if (live && live.source === 'live' && live.spec) return;
      states.set(id, run);
      evict();
      const last = run.snapshotSteps[run.snapshotSteps.length - 1];
      // Every stored panel layer ("som", mask layers, "sdr", "boundary", "reconstruction"); older hosts
      // do not list them, so fall back to "som" and the mask layers seen in the metric columns.
      // "som" first: it is the default panel and the layer the winner trace follows.
      const layers = (detail.snapshotLayers?.length ? [...detail.snapshotLayers] : ['som', ...run.maskLayers]).sort(
        (a, b) => Number(b === 'som') - Number(a === 'som'),
      );
      for (const layer of last === undefined ? [] : layers) {
        const snap = await getApi()
          ['runs:snapshot'](id, last, layer)
          .catch(() => null);
        if (snap) run.snapshots.set(snap.layer, snap);
      }
      void loadWinners(run, run.snapshots.keys().next().value ?? 'som');
    } catch (e) {
      // A run known only from this session's events (e.g. it failed before writing its folder) is shown as is.
      if (!states.has(id)) error.value = `could not open run ${id}: ${(e as Error).message}`;
    } finally {
      loading.value = false;
      changed(id);
    }
  }

  /** Fetches a reopened run's stored winner steps (a spread of them) into its trace, a few at a time. */
  async function loadWinners(run: LiveRun, layer: string): Promise<void> {
    const steps = spread(run.winnerSteps, MAX_DISK_WINNER_FRAMES);
    for (let k = 0; k < steps.length; k += 10) {
      const got = await Promise.all(
        steps.slice(k, k + 10).map((st) =>
          getApi()
            ['runs:winners'](run.id, st, layer)
            .catch(() => null),
        ),
      );
      if (states.get(run.id) !== run) return; // replaced or evicted meanwhile
      for (const w of got) if (w) foldEvent(run, { type: 'winners', v: EVENTS_VERSION, runId: run.id, ...w });
      changed(run.id);
    }
  }

  /** Shows a run: from this session's events when we have them from its start, else from disk. */
  async function select(id: RunId | null): Promise<void> {
    selectedId.value = id;
    pinned.value = null;
    changed(id);
    if (!id) return;
    const r = states.get(id);
    if (!r || !r.spec) await openFromDisk(id);
  }

  /** Pins a saved snapshot (scrubber over snapshot steps); null returns to the latest. */
  async function pinSnapshot(step: number | null, layer?: string): Promise<void> {
    const id = selectedId.value;
    if (!id || step === null) {
      pinned.value = null;
      return;
    }
    try {
      pinned.value = markRaw(await getApi()['runs:snapshot'](id, step, layer));
      error.value = null;
    } catch (e) {
      error.value = `snapshot at step ${step}: ${(e as Error).message}`;
    }
  }

  async function control(what: 'runs:pause' | 'runs:resume' | 'runs:stop'): Promise<void> {
    const id = selectedId.value;
    if (!id) return;
    try {
      await getApi()[what](id);
      error.value = null;
    } catch (e) {
      error.value = `${what.slice(5)}: ${(e as Error).message}`;
    }
  }

  return {
    selectedId,
    selected,
    loading,
    error,
    pinned,
    summary,
    run: (id: RunId) => states.get(id) ?? null,
    attach,
    onEvent,
    select,
    openFromDisk,
    pinSnapshot,
    pause: () => control('runs:pause'),
    resume: () => control('runs:resume'),
    stop: () => control('runs:stop'),
    /** Space on the live view. */
    togglePause: () =>
      summary.value?.status === 'paused'
        ? control('runs:resume')
        : summary.value?.status === 'running'
          ? control('runs:pause')
          : Promise.resolve(),
  };
});
