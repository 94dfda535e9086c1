/** The real trainer deps: datasets from engine/data, backends from engine/backend (loaded only when a run starts). */
import { createRequire } from 'node:module';
import { version_core } from '@tensorflow/tfjs-core';
import { loadDataset } from '../data';
import { pickBackend } from '../backend/pick';
import type { TrainerDeps } from './trainer-deps';

/** From the source tree; absent in a bundle (where the app records its own version). */
function somlabVersion(): Record<string, string> {
  try {
    return { somlab: (createRequire(import.meta.url)('../../../package.json') as { version: string }).version };
  } catch {
    return {};
  }
}

export const defaultTrainerDeps: Omit<TrainerDeps, 'build'> = {
  loadDataset: (ref, opts) => loadDataset(ref, opts),
  pickBackend: (request) => pickBackend(request),
  versions: () => ({ ...somlabVersion(), tfjs: version_core }),
};
