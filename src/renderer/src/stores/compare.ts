/**
 * compare: 2–6 runs side by side. The selection lives in the URL (#/compare?runs=…) and in the tab's session
 * storage, so a reload keeps it; details are read once per run, snapshots once per (run, layer, step).
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { RunDetail } from '../../../shared/api';
import type { RunId, SomSnapshot } from '../../../shared/run-types';
import { getApi } from '../api';
import { useNavStore } from './nav';

export const MAX_COMPARE = 6;
const STORAGE_KEY = 'somlab.compare';

const key = (id: RunId, layer: string, step: number): string => `${id}|${layer}|${step}`;

function stored(): RunId[] {
  try {
    const v: unknown = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, MAX_COMPARE) : [];
  } catch {
    return [];
  }
}

export const useCompareStore = defineStore('compare', () => {
  const nav = useNavStore();
  const ids = ref<RunId[]>(nav.compareRuns.length ? nav.compareRuns.slice(0, MAX_COMPARE) : stored());
  const details = shallowRef(new Map<RunId, RunDetail>());
  const snapshots = shallowRef(new Map<string, SomSnapshot | null>());
  const loading = ref(false);
  const error = ref<string | null>(null);
  const ready = computed(() => ids.value.length >= 2);
  const full = computed(() => ids.value.length >= MAX_COMPARE);

  watch(
    ids,
    (list) => {
      nav.setCompareRuns(list);
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(list));
    },
    { immediate: true },
  );
  // Back/Forward or an edited URL: the selection follows the address.
  watch(
    () => nav.compareRuns,
    (list) => {
      if (nav.view === 'compare' && list.join(',') !== ids.value.join(',')) set(list);
    },
  );

  /** Adds or removes a run; one more than MAX_COMPARE is refused with a message (and stays unticked). */
  function toggle(id: RunId): boolean {
    if (ids.value.includes(id)) {
      ids.value = ids.value.filter((x) => x !== id);
      error.value = null;
      return true;
    }
    if (full.value) {
      error.value = `compare takes at most ${MAX_COMPARE} runs: untick one first`;
      return false;
    }
    ids.value = [...ids.value, id];
    error.value = null;
    return true;
  }

  /** Replaces the selection (a sweep group, a link); more than MAX_COMPARE keeps the first and says so. */
  function set(list: readonly RunId[]): void {
    const unique = [...new Set(list)];
    ids.value = unique.slice(0, MAX_COMPARE);
    error.value =
      unique.length > MAX_COMPARE
        ? `compare takes at most ${MAX_COMPARE} runs: showing the first ${MAX_COMPARE} of ${unique.length}`
        : null;
  }

  /** Reads every chosen run that is not loaded yet; drops the others. */
  async function load(): Promise<void> {
    loading.value = true;
    const d = new Map<RunId, RunDetail>();
    const problems: string[] = [];
    await Promise.all(
      ids.value.map(async (id) => {
        try {
          d.set(id, details.value.get(id) ?? (await getApi()['runs:get'](id)));
        } catch (e) {
          problems.push(`${id}: ${(e as Error).message}`);
        }
      }),
    );
    details.value = d;
    error.value = problems.length ? problems.join('; ') : error.value;
    loading.value = false;
  }

  /** The snapshot of a run's layer at a saved step: null while loading or when it has none. */
  function snapshot(id: RunId, layer: string, step: number | undefined): SomSnapshot | null {
    if (step === undefined) return null;
    const k = key(id, layer, step);
    if (!snapshots.value.has(k)) void fetchSnapshot(id, layer, step);
    return snapshots.value.get(k) ?? null;
  }

  const pending = new Set<string>();
  async function fetchSnapshot(id: RunId, layer: string, step: number): Promise<void> {
    const k = key(id, layer, step);
    if (pending.has(k)) return;
    pending.add(k);
    const s = await getApi()
      ['runs:snapshot'](id, step, layer)
      .catch(() => null);
    pending.delete(k);
    snapshots.value = new Map(snapshots.value).set(k, s);
  }

  function clear(): void {
    ids.value = [];
    details.value = new Map();
    error.value = null;
  }

  return { ids, details, snapshots, loading, error, ready, full, toggle, set, load, snapshot, clear };
});
