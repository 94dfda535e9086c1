/**
 * What the trainer needs from the rest of the engine, as one injectable bundle: tests (and the child-process
 * test fixture) swap in fakes; the real ones are imported lazily so a test never pays for tfjs or datasets.
 */
import type { BackendReport } from '../../shared/run-types';
import type { BackendName } from '../../shared/options';
import type { DatasetRef, ExperimentSpec } from '../../shared/spec';
import type { Dataset } from '../data/types';
import type { LoadOptions } from '../data';
import type { Experiment } from './experiment';
import { builderFor } from './registry';

export interface TrainerDeps {
  /** `allowedRoots` undefined means any folder (Electron, where the user picked it). */
  /** `cacheRoot`: the project's dataset cache; `stream`: the experiment can train from rows on disk. */
  loadDataset(ref: DatasetRef, opts: LoadOptions & { seed: number }): Promise<Dataset>;
  /** Initialises the tfjs backend for this process and says which one runs and why others were skipped. */
  pickBackend(request: 'auto' | BackendName): Promise<BackendReport>;
  build(spec: ExperimentSpec, data: Dataset): Promise<Experiment>;
  /** Splits each step across worker threads where the plan allows (absent: one thread, as fakes do). */
  parallelize?(
    spec: ExperimentSpec,
    backend: BackendName,
    exp: Experiment,
    allowedRoots?: string[],
    /** The project's dataset cache: workers stream a big table from it as rank 0 does. */
    cacheRoot?: string,
    /** The training rows stream from the dataset cache (the plan keeps such a run on one thread by default). */
    streamed?: boolean,
  ): Promise<{ exp: Experiment; plan: { workers: number; note?: string }; close(): Promise<void> }>;
  /** Versions for run.json (tfjs, somlab...). */
  versions(): Record<string, string>;
}

let override: Partial<TrainerDeps> | undefined;

/** For tests: replaces some deps in this process (a child-process fixture calls it from an --import module). */
export function overrideTrainerDeps(deps: Partial<TrainerDeps> | undefined): void {
  override = deps;
}

/** A builder from the registry, as it stands (tests register fakes and use this). */
export const buildFromRegistry: TrainerDeps['build'] = (spec, data) => builderFor(spec.kind)(spec as never, data);

/** The model modules (tfjs-layers and all) register their builders when imported; only a real run needs them. */
const build: TrainerDeps['build'] = async (spec, data) => {
  await import('../models');
  return buildFromRegistry(spec, data);
};

export async function trainerDeps(): Promise<TrainerDeps> {
  const o = override ?? {};
  const needDefaults = !o.loadDataset || !o.pickBackend || !o.versions;
  const defaults = needDefaults ? (await import('./default-deps')).defaultTrainerDeps : undefined;
  return { build, ...defaults, ...o } as TrainerDeps;
}
