/**
 * The soft-SOM playground's run: its points (clicked or generated) as an inline dataset and one of seed 002's
 * three networks, as a plain soft-som spec, so a playground run is saved, listed and compared like any other.
 */
import type { ExperimentSpecInput } from './spec';
import { SOFT_SOM_VARIANTS } from './spec-nets';
import type { Points } from './points';

export type SoftSomVariant = (typeof SOFT_SOM_VARIANTS)[number];
export const VARIANT_LABEL: Record<SoftSomVariant, string> = {
  'pure-nn': 'pure NN',
  'som-preprocess': 'SOM preprocessing',
  'som-interposed': 'interposed soft SOM',
};
/** About this many boundary frames per run, so a short run is watched and a long one does not flood the disk. */
export const FRAMES_PER_RUN = 60;

export interface PlaygroundSetup {
  /** What the points are ("spiral", "clicked" …), for the run's name and id. */
  name: string;
  classes: number;
  train: Points;
  test?: Points;
  variant: SoftSomVariant;
  epochs: number;
  learningRate: number;
  seed: number;
}

export function playgroundSpec(p: PlaygroundSetup): ExperimentSpecInput {
  const n = p.train.points.length,
    batchSize = Math.max(1, Math.min(32, n));
  const steps = Math.ceil(n / batchSize) * p.epochs;
  const test = p.test?.points.length ? { testPoints: p.test.points, testLabels: p.test.labels } : {};
  return {
    kind: 'soft-som',
    name: `playground · ${p.name} · ${VARIANT_LABEL[p.variant]}`,
    seed: p.seed,
    dataset: { source: 'inline', name: p.name, classes: p.classes, ...p.train, ...test },
    epochs: p.epochs,
    batchSize,
    snapshotEvery: Math.max(1, Math.round(steps / FRAMES_PER_RUN)),
    learningRate: p.learningRate,
    softSom: { variant: p.variant },
  };
}
