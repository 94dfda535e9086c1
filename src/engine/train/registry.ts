/**
 * Which builder turns a spec of each kind into an Experiment. The trainer process looks builders up here;
 * model modules register themselves (the lead wires them in), tests register fakes.
 */
import type { SpecKind, SpecOf } from '../../shared/spec';
import type { ExperimentBuilder } from './experiment';

export type BuildExperiment = ExperimentBuilder;

export const builders: Partial<Record<SpecKind, ExperimentBuilder<never>>> = {};

export function registerBuilder<K extends SpecKind>(kind: K, fn: ExperimentBuilder<SpecOf<K>>): void {
  builders[kind] = fn as ExperimentBuilder<never>;
}

export function builderFor<K extends SpecKind>(kind: K): ExperimentBuilder<SpecOf<K>> {
  const fn = builders[kind];
  if (!fn) {
    const known = Object.keys(builders);
    throw new Error(
      `no model builder for kind "${kind}" in this build (available: ${known.length ? known.join(', ') : 'none'})`,
    );
  }
  return fn as unknown as ExperimentBuilder<SpecOf<K>>;
}
