/**
 * The backend candidates in picker order. Each tries to make its backend the active one and says, in one
 * sentence, why it cannot when it cannot. Native and GPU packages are imported only when tried.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '../../shared/options';
import { setupWebGpu } from './webgpu';
import { installWasmFixes } from './wasm-fixes';

export interface Candidate {
  name: BackendName;
  /** Activates the backend and returns the device words, or throws with the reason. */
  init(): Promise<string>;
}

async function activate(name: string): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`tfjs could not initialise the ${name} backend`);
  await tf.ready();
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);
}

export const CANDIDATES: Candidate[] = [
  {
    name: 'tensorflow-gpu',
    async init() {
      try { await import('@tensorflow/tfjs-node-gpu'); } catch (e) {
        const msg = firstLine(e);
        if (/Cannot find (module|package)/.test(msg) && !/tfjs_binding/.test(msg)) throw new Error('@tensorflow/tfjs-node-gpu is not installed');
        throw new Error(`the libtensorflow GPU binding failed to load (${msg}); it needs an NVIDIA driver with CUDA 11.2 and cuDNN 8.1`);
      }
      await activate('tensorflow');
      return 'libtensorflow with CUDA';
    },
  },
  { name: 'webgpu', init: setupWebGpu },
  {
    name: 'tensorflow',
    async init() {
      try { await import('@tensorflow/tfjs-node'); } catch (e) {
        const msg = firstLine(e);
        if (/Cannot find (module|package)/.test(msg) && !/tfjs_binding/.test(msg)) throw new Error('@tensorflow/tfjs-node is not installed');
        throw new Error(`the libtensorflow CPU binding failed to load (${msg}); its install step downloads libtensorflow, which this machine could not reach`);
      }
      await activate('tensorflow');
      return 'libtensorflow on the CPU';
    },
  },
  {
    name: 'wasm',
    async init() {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      await activate('wasm');
      installWasmFixes();
      return `wasm (${wasm.getThreadsCount?.() ?? 1} thread${(wasm.getThreadsCount?.() ?? 1) > 1 ? 's' : ''}), SOM Lab kernel fixes`;
    },
  },
  {
    name: 'cpu',
    async init() {
      await import('@tensorflow/tfjs-backend-cpu');
      await activate('cpu');
      return 'plain JavaScript (slow: tiny shapes only)';
    },
  },
];
