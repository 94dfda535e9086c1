/**
 * The backend candidates in picker order. Each makes its backend the active one and returns the device
 * words, or throws with one sentence saying why it cannot. Native and GPU packages are imported only when
 * their candidate is tried.
 */
import type { BackendName } from '../../shared/options';
import type { AdapterInfo } from '../../shared/run-types';
import { activate } from './activate';
import { tensorflowCpu, tensorflowGpu } from './native';
import { wasmCandidate } from './wasm';
import { setupWebGpu } from './webgpu';

/** The device words, and for webgpu the adapter too. */
export type Started = string | { device: string; adapter: AdapterInfo };

export interface Candidate {
  name: BackendName;
  /**
   * Activates the backend and returns the device words, or throws with the reason. `byName`: the user asked
   * for this backend (or the picker came back to it), so a candidate that ranks itself lower must start.
   */
  init(opts?: { byName?: boolean }): Promise<Started>;
}

const cpuCandidate: Candidate = {
  name: 'cpu',
  async init() {
    await import('@tensorflow/tfjs-backend-cpu');
    await activate('cpu');
    return 'plain JavaScript (slow: tiny shapes only)';
  },
};

export const CANDIDATES: Candidate[] = [
  tensorflowGpu,
  { name: 'webgpu', init: (o) => setupWebGpu(undefined, o?.byName) },
  tensorflowCpu,
  wasmCandidate,
  cpuCandidate,
];
