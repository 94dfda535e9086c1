/** Fake dataset and backend for trainer tests: no tfjs, no files. */
import type { BackendReport } from '../../shared/run-types';
import type { Dataset } from '../data/types';
import type { TrainerDeps } from './trainer-deps';

export const FAKE_BACKEND: BackendReport = {
  name: 'cpu',
  device: 'fake device',
  skipped: [{ name: 'wasm', reason: 'not wanted in tests' }],
};

export function fakeDataset(source: string): Dataset {
  return {
    name: 'fake',
    format: 'builtin',
    source,
    shape: [3],
    classes: [],
    train: { x: new Float32Array(6), y: Int32Array.from([-1, -1]), count: 2 },
    warnings: ['fake data: 2 samples'],
  };
}

export const fakeDeps: Omit<TrainerDeps, 'build'> = {
  loadDataset: async (ref) => fakeDataset(ref.source === 'folder' ? ref.path : `${ref.source}:${ref.name ?? 'points'}`),
  pickBackend: async () => FAKE_BACKEND,
  versions: () => ({ fake: '1' }),
};
