/**
 * The Live view's map state: which SOM layer is shown, the snapshot its panels draw (the pinned one, else the
 * newest), the saved steps to scrub over, and pinning the map nearest a step (a click on a curve or frame).
 */
import { computed, ref, watch } from 'vue';
import { useLiveRunStore } from '../stores/live-run';
import { nearestStep } from '../compare/scene';

export function useLiveLayer() {
  const live = useLiveRunStore();
  const chosen = ref<string | null>(null);
  const layers = computed(() => live.summary?.layers ?? []);
  const activeLayer = computed(() =>
    chosen.value && layers.value.includes(chosen.value) ? chosen.value : (layers.value[0] ?? 'som'),
  );
  const snapshot = computed(() => {
    if (live.pinned && live.pinned.layer === activeLayer.value) return live.pinned;
    return live.selected?.snapshots.get(activeLayer.value) ?? null;
  });
  // Snapshot scrubber over the saved steps (runs:snapshot); the end of the range follows the newest.
  const steps = computed(() => live.summary?.snapshotSteps ?? []);
  /** The step the maps show, marked on every curve (null: the newest). */
  const marker = computed(() => (live.pinned ? live.pinned.step : null));

  function pinNear(step: number): void {
    const at = nearestStep(steps.value, step);
    if (at !== undefined) void live.pinSnapshot(at, activeLayer.value);
  }
  /** The scrubber let go at index i: its step, or (at the end of a live run) the newest again. */
  function pinIndex(i: number): void {
    const last = i >= steps.value.length - 1 && live.summary?.source === 'live';
    void live.pinSnapshot(last ? null : (steps.value[i] ?? null), activeLayer.value);
  }
  // Another run: its own first layer.
  watch(
    () => live.selectedId,
    () => (chosen.value = null),
  );
  return { chosen, layers, activeLayer, snapshot, steps, marker, pinNear, pinIndex };
}

export type LiveLayer = ReturnType<typeof useLiveLayer>;
