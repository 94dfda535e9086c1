/**
 * The specs of a set of runs (runs:get, a few at a time), cached for the session: a run's spec never
 * changes once it is on disk. Returns a reactive map that fills as the answers come.
 */
import { shallowRef, triggerRef, watch, type Ref } from 'vue';
import type { ExperimentSpec } from '../../../shared/spec';
import { getApi } from '../api';

const cache = new Map<string, ExperimentSpec>();

export function useRunSpecs(ids: Ref<readonly string[]>): {
  specs: Ref<Map<string, ExperimentSpec>>;
  error: Ref<string | null>;
} {
  const specs = shallowRef(new Map<string, ExperimentSpec>());
  const error = shallowRef<string | null>(null);
  const inFlight = new Set<string>();

  async function load(want: readonly string[]): Promise<void> {
    const missing = want.filter((id) => !cache.has(id) && !inFlight.has(id));
    for (let k = 0; k < missing.length; k += 4) {
      const batch = missing.slice(k, k + 4);
      batch.forEach((id) => inFlight.add(id));
      await Promise.all(
        batch.map((id) =>
          getApi()
            ['runs:get'](id)
            .then((d) => void cache.set(id, d.spec))
            .catch((e: Error) => void (error.value = `run ${id}: ${e.message}`))
            .finally(() => inFlight.delete(id)),
        ),
      );
      publish();
    }
    publish();
  }

  function publish(): void {
    specs.value = new Map(ids.value.flatMap((id) => (cache.has(id) ? [[id, cache.get(id)!] as const] : [])));
    triggerRef(specs);
  }

  watch(ids, (now) => void load(now), { immediate: true });
  return { specs, error };
}
