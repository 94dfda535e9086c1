/** Helpers for the wasm-fix tests: the same computation on cpu and on wasm in one process, compared. */
import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';
import { mulberry32 } from '../../../shared/random';
import { relError } from '../rel-error.test-helper';

export interface Input {
  data: Float32Array;
  shape: number[];
}

export function rand(shape: number[], seed: number): Input {
  const r = mulberry32(seed);
  return { data: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => r() * 2 - 1), shape };
}

/** Runs `f` on cpu, then on wasm, with the same inputs; returns both results as flat arrays (via dataSync). */
export async function onBoth(
  inputs: Input[],
  f: (...t: tf.Tensor[]) => tf.Tensor | tf.Tensor[],
): Promise<[Float32Array[], Float32Array[]]> {
  const out: Float32Array[][] = [];
  for (const backend of ['cpu', 'wasm']) {
    await tf.setBackend(backend);
    out.push(
      tf.tidy(() => {
        const r = f(...inputs.map((i) => tf.tensor(i.data, i.shape)));
        return (Array.isArray(r) ? r : [r]).map((t) => t.dataSync() as Float32Array);
      }),
    );
  }
  return [out[0]!, out[1]!];
}

export function expectClose([cpu, wasm]: [Float32Array[], Float32Array[]], tol = 1e-5): void {
  expect(wasm.length).toBe(cpu.length);
  cpu.forEach((x, i) => {
    expect(wasm[i]!.length).toBe(x.length);
    expect(relError(x, wasm[i]!)).toBeLessThan(tol);
  });
}

/** Tensors the engine tracks and buffers the wasm backend holds (an intermediate a fix forgot shows here). */
export function wasmCounts(): { tensors: number; buffers: number } {
  return {
    tensors: tf.memory().numTensors,
    buffers: (tf.findBackend('wasm') as unknown as { numDataIds(): number }).numDataIds(),
  };
}

/** Runs `f` (on wasm) a few times; the counts must not grow. */
export async function expectNoLeak(f: () => tf.Tensor | tf.Tensor[]): Promise<void> {
  await tf.setBackend('wasm');
  const once = () =>
    tf.tidy(() => {
      const r = f();
      (Array.isArray(r) ? r : [r]).forEach((t) => t.dataSync());
    });
  once();
  const before = wasmCounts();
  for (let i = 0; i < 3; i++) once();
  expect(wasmCounts()).toEqual(before);
}
