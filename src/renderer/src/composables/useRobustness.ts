/**
 * A run's robustness curves: the saved ones (runs:robustnessCurves), an evaluation started from the view
 * (runs:robustness) with its progress from 'robustness' run events, and the error when it is refused.
 * The event subscription is disposed with the component.
 */
import { onBeforeUnmount, ref, shallowRef, watch, type Ref } from 'vue';
import { getApi } from '../api';
import type { AttackName, RobustnessCurve } from '../../../shared/robustness';

export function useRobustness(runId: Ref<string | null>) {
  const curves = shallowRef<RobustnessCurve[]>([]);
  const progress = ref<{ attack: AttackName; done: number; total: number } | null>(null);
  const error = ref<string | null>(null);
  const busy = ref(false);

  async function load(id: string | null): Promise<void> {
    curves.value = [];
    error.value = null;
    if (!id) return;
    try {
      const got = await getApi()['runs:robustnessCurves'](id);
      if (runId.value === id) curves.value = got;
    } catch (e) {
      error.value = (e as Error).message;
    }
  }
  watch(runId, (id) => void load(id), { immediate: true });

  const off = getApi().onRunEvent((e) => {
    if (e.type !== 'robustness' || e.runId !== runId.value || e.curve || e.error) return;
    progress.value = { attack: e.attack, done: e.done, total: e.total };
  });
  onBeforeUnmount(off);

  async function evaluate(attack: AttackName): Promise<void> {
    const id = runId.value;
    if (!id || busy.value) return;
    busy.value = true;
    error.value = null;
    progress.value = { attack, done: 0, total: 1 };
    try {
      const curve = await getApi()['runs:robustness'](id, { attack });
      if (runId.value === id) curves.value = [...curves.value.filter((c) => c.attack !== attack), curve];
    } catch (e) {
      error.value = (e as Error).message;
    } finally {
      busy.value = false;
      progress.value = null;
    }
  }
  return { curves, progress, error, busy, evaluate };
}
