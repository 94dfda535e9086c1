/**
 * Calling wasm's own kernels from inside a replacement kernel: they take and return TensorInfos, and every
 * intermediate must be freed with backend.disposeData (the engine only tracks the final output).
 */
import * as tf from '@tensorflow/tfjs-core';

export type Info = tf.TensorInfo;
type KernelFunc = (args: { inputs: Record<string, Info>; backend: unknown; attrs?: Record<string, unknown> }) => Info | Info[];

/** The stock kernel functions, captured before any fix replaces them. */
const stock = new Map<string, tf.KernelConfig>();

export function stockKernel(name: string): tf.KernelConfig {
  let k = stock.get(name);
  if (!k) {
    k = tf.getKernel(name, 'wasm');
    if (!k) throw new Error(`wasm backend has no ${name} kernel`);
    stock.set(name, k);
  }
  return k;
}

export class KernelScope {
  private readonly temps: Info[] = [];
  constructor(readonly backend: { disposeData(id: object): void }) {}

  run(name: string, inputs: Record<string, Info>, attrs: Record<string, unknown> = {}): Info {
    const out = (stockKernel(name).kernelFunc as unknown as KernelFunc)({ inputs, backend: this.backend, attrs });
    const info = Array.isArray(out) ? out[0]! : out;
    this.temps.push(info);
    return info;
  }

  transpose(x: Info, perm: number[]): Info {
    return this.run('Transpose', { x }, { perm });
  }

  /** Frees every intermediate except `keep` (the kernel's output). */
  done(keep: Info): Info {
    for (const t of this.temps) if (t !== keep && t.dataId !== keep.dataId) this.backend.disposeData(t.dataId);
    return keep;
  }
}

/** Replaces a wasm kernel (keeping its setup function, which binds the wasm exports). */
export function replaceKernel(name: string, kernelFunc: KernelFunc): void {
  const original = tf.getKernel(name, 'wasm');
  if (original) {
    stockKernel(name);
    tf.unregisterKernel(name, 'wasm');
  }
  tf.registerKernel({ kernelName: name, backendName: 'wasm', setupFunc: original?.setupFunc, kernelFunc: kernelFunc as unknown as tf.KernelFunc });
}

export const swapLast2 = (rank: number): number[] => [...Array.from({ length: rank - 2 }, (_, i) => i), rank - 1, rank - 2];
