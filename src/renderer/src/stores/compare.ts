/** compare: 2–4 runs side by side (their RunDetail and last saved snapshot). */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { RunDetail } from '../../../shared/api';
import type { RunId, SomSnapshot } from '../../../shared/run-types';
import { getApi } from '../api';

export const MAX_COMPARE = 4;

export const useCompareStore = defineStore('compare', () => {
  const ids = ref<RunId[]>([]);
  const details = shallowRef(new Map<RunId, RunDetail>());
  const snapshots = shallowRef(new Map<RunId, SomSnapshot | null>());
  const loading = ref(false);
  const error = ref<string | null>(null);
  const ready = computed(() => ids.value.length >= 2);

  /** Adds or removes a run; a fifth run is refused with a message. */
  function toggle(id: RunId): boolean {
    if (ids.value.includes(id)) {
      ids.value = ids.value.filter((x) => x !== id);
      return true;
    }
    if (ids.value.length >= MAX_COMPARE) {
      error.value = `compare takes at most ${MAX_COMPARE} runs: remove one first`;
      return false;
    }
    ids.value = [...ids.value, id];
    error.value = null;
    return true;
  }

  /** Reads every chosen run (and its last snapshot) that is not loaded yet; drops the others. */
  async function load(): Promise<void> {
    loading.value = true;
    const d = new Map<RunId, RunDetail>(),
      s = new Map<RunId, SomSnapshot | null>();
    const problems: string[] = [];
    await Promise.all(
      ids.value.map(async (id) => {
        try {
          const detail = details.value.get(id) ?? (await getApi()['runs:get'](id));
          d.set(id, detail);
          const last = detail.snapshotSteps[detail.snapshotSteps.length - 1];
          s.set(
            id,
            snapshots.value.get(id) ??
              (last === undefined
                ? null
                : await getApi()
                    ['runs:snapshot'](id, last)
                    .catch(() => null)),
          );
        } catch (e) {
          problems.push(`${id}: ${(e as Error).message}`);
        }
      }),
    );
    details.value = d;
    snapshots.value = s;
    error.value = problems.length ? problems.join('; ') : null;
    loading.value = false;
  }

  function clear(): void {
    ids.value = [];
    details.value = new Map();
    snapshots.value = new Map();
    error.value = null;
  }

  return { ids, details, snapshots, loading, error, ready, toggle, load, clear };
});
