/**
 * playground: the soft-SOM playground's points and choices, kept while the user visits other views. A Train
 * starts a normal soft-som run through the Api (runs store) and selects it in the liveRun store, whose folded
 * snapshots ("boundary", "softsom") the plane draws.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { RunId } from '../../../shared/run-types';
import { generatePoints, SET_MAX_CLASSES, type PointSet, type Points } from '../../../shared/points';
import { playgroundSpec, type SoftSomVariant } from '../../../shared/playground';
import { useRunsStore } from './runs';
import { useLiveRunStore } from './live-run';

export const usePlaygroundStore = defineStore('playground', () => {
  const classes = ref(2);
  const current = ref(0);
  const removing = ref(false);
  /** Replaced, never mutated, so the plane redraws on every change. */
  const train = shallowRef<Points>({ points: [], labels: [] });
  /** A generated set's own test points (another seed); dropped once the user edits the set. */
  const test = shallowRef<Points | null>(null);
  const name = ref('clicked');
  const set = ref<PointSet>('spiral');
  const count = ref(200);
  const noise = ref(0.05);
  const variant = ref<SoftSomVariant>('som-interposed');
  const epochs = ref(100);
  const learningRate = ref(0.02);
  const runId = ref<RunId | null>(null);
  const error = ref<string | null>(null);
  let seed = 1;

  function add(x: number, y: number): void {
    train.value = { points: [...train.value.points, [x, y]], labels: [...train.value.labels, current.value] };
    test.value = null;
  }
  function remove(i: number): void {
    train.value = {
      points: train.value.points.filter((_, k) => k !== i),
      labels: train.value.labels.filter((_, k) => k !== i),
    };
    test.value = null;
  }
  function clear(): void {
    train.value = { points: [], labels: [] };
    test.value = null;
    name.value = 'clicked';
  }
  /** Fewer classes: the points of the classes gone go too. */
  function setClasses(k: number): void {
    classes.value = k;
    current.value = Math.min(current.value, k - 1);
    const keep = train.value.labels.map((l) => l < k);
    train.value = {
      points: train.value.points.filter((_, i) => keep[i]),
      labels: train.value.labels.filter((_, i) => keep[i]),
    };
    test.value = null;
  }
  function generate(): void {
    const k = Math.min(classes.value, SET_MAX_CLASSES[set.value]);
    const o = { classes: k, noise: noise.value };
    classes.value = k;
    current.value = Math.min(current.value, k - 1);
    train.value = generatePoints(set.value, { ...o, count: count.value, seed: seed++ });
    test.value = generatePoints(set.value, { ...o, count: Math.max(2, Math.round(count.value / 2)), seed: seed++ });
    name.value = set.value;
  }

  /** Starts the run; the host's refusal (a bad spec, over the memory budget) is shown, not thrown. */
  async function start(): Promise<void> {
    error.value = null;
    try {
      const spec = playgroundSpec({
        name: name.value,
        classes: classes.value,
        train: train.value,
        test: test.value ?? undefined,
        variant: variant.value,
        epochs: epochs.value,
        learningRate: learningRate.value,
        seed: 0,
      });
      runId.value = await useRunsStore().start(spec);
      await useLiveRunStore().select(runId.value);
    } catch (e) {
      error.value = (e as Error).message;
    }
  }

  const state = { classes, current, removing, train, test, name, set, count, noise, variant, epochs, learningRate };
  return { ...state, runId, error, add, remove, clear, setClasses, generate, start };
});
