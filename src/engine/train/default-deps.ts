/** The real trainer deps: datasets from engine/data, backends from engine/backend (loaded only when a run starts). */
import { version_core } from '@tensorflow/tfjs-core';
import { loadDataset } from '../data';
import { pickBackend } from '../backend/pick';
import type { TrainerDeps } from './trainer-deps';
import { somlabVersion } from '../version';

export const defaultTrainerDeps: Omit<TrainerDeps, 'build'> = {
  loadDataset: (ref, opts) => loadDataset(ref, opts),
  pickBackend: (request) => pickBackend(request),
  parallelize: async (...args) => (await import('../parallel')).parallelize(...args),
  versions: () => ({ ...(somlabVersion() ? { somlab: somlabVersion()! } : {}), tfjs: version_core }),
};
