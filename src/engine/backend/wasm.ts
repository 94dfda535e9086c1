/**
 * The wasm backend with SOM Lab's kernel fixes. In Node tfjs runs wasm on one thread (its multithread
 * flag is forced off there: tfjs issue 3830), with SIMD where the runtime validates SIMD code.
 */
import * as tf from '@tensorflow/tfjs-core';
import { activate } from './activate';
import type { Candidate } from './candidates';
import { installWasmFixes } from './wasm-fixes';

export async function wasmDevice(): Promise<string> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  const n = wasm.getThreadsCount();
  return `wasm (${simd ? 'SIMD' : 'no SIMD'}, ${n} thread${n === 1 ? '' : 's'})`;
}

export const wasmCandidate: Candidate = {
  name: 'wasm',
  async init() {
    await import('@tensorflow/tfjs-backend-wasm');
    await activate('wasm');
    installWasmFixes();
    return `${await wasmDevice()} + SOM Lab kernel fixes`;
  },
};
