/**
 * The backend candidates in picker order. Each tries to make its backend the active one and says, in one
 * sentence, why it cannot when it cannot. Native and GPU packages are imported only when tried.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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

/**
 * The native packages' install step downloads libtensorflow; where it could not, the package is present
 * without its binding. Checking for the file first avoids importing @tensorflow/tfjs (and its kernel
 * registrations) only to fail.
 */
function nativeBindingMissing(pkg: string): string | null {
  let dir: string;
  try { dir = dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`)); } catch { return `${pkg} is not installed`; }
  const lib = join(dir, 'lib');
  const found = existsSync(lib) && readdirSync(lib).some((d) => d.startsWith('napi-v') && existsSync(join(lib, d, 'tfjs_binding.node')));
  return found ? null : `${pkg} is installed without its libtensorflow binding (its install step could not download libtensorflow)`;
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);
}

/** tfjs-node and tfjs-node-gpu: the same binding check and import, different packages and hints. */
function nativeCandidate(name: BackendName, pkg: string, device: string, hint: string): Candidate {
  return {
    name,
    async init() {
      const missing = nativeBindingMissing(pkg);
      if (missing) throw new Error(missing);
      try { await import(pkg); } catch (e) {
        throw new Error(`the libtensorflow binding of ${pkg} failed to load (${firstLine(e)}); ${hint}`);
      }
      await activate('tensorflow');
      return device;
    },
  };
}

export const CANDIDATES: Candidate[] = [
  nativeCandidate('tensorflow-gpu', '@tensorflow/tfjs-node-gpu', 'libtensorflow with CUDA', 'it needs an NVIDIA driver with CUDA 11.2 and cuDNN 8.1 (CUDA 12 does not work)'),
  { name: 'webgpu', init: setupWebGpu },
  nativeCandidate('tensorflow', '@tensorflow/tfjs-node', 'libtensorflow on the CPU', 'reinstall @tensorflow/tfjs-node where its libtensorflow download can be reached'),
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
