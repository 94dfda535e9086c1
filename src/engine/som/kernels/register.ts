/** Registers the fused batch-SOM kernels for every backend that has them (once; tfjs's registry is global). */
import * as tf from '@tensorflow/tfjs-core';
import { cpuKernels } from './cpu';
import { wasmKernels } from './wasm';
import { webgpuKernels } from './webgpu';

export function registerSomKernels(): void {
  for (const k of [...cpuKernels, ...wasmKernels, ...webgpuKernels]) {
    if (!tf.getKernel(k.kernelName, k.backendName)) tf.registerKernel(k);
  }
}
