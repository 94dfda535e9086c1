/**
 * Calling wasm's own kernels from inside a replacement kernel. They take and return TensorInfos; every
 * intermediate must be freed with backend.disposeData, because the engine tracks only the kernel's output
 * (a missed one leaks wasm heap that tf.memory().numTensors never shows).
 */
import * as tf from '@tensorflow/tfjs-core';

export type Info = tf.TensorInfo;

/** The parts of tfjs-backend-wasm's BackendWasm the fixes use. */
export interface WasmBackend {
  disposeData(dataId: object, force?: boolean): boolean;
  makeOutput(shape: number[], dtype: tf.DataType): Info;
  /** A view of a tensor's bytes on the wasm heap; invalid after any allocation (the heap may grow). */
  typedArrayFromHeap(info: Info): Float32Array | Int32Array | Uint8Array;
  readSync(dataId: object): tf.backend_util.BackendValues;
  numDataIds(): number;
}

export interface KernelArgs {
  inputs: Record<string, Info>;
  backend: WasmBackend;
  attrs?: Record<string, unknown>;
}

type KernelFunc = (args: KernelArgs) => Info | Info[];

/**
 * The stock kernels, captured before any fix replaces them. Kept on globalThis, like tfjs's own kernel
 * registry: a second copy of this module (two bundles, a test runner without isolation) must find the
 * stock kernels, not capture the fixes as "stock" and call itself.
 */
const STOCK_KEY = Symbol.for('somlab.wasmStockKernels');
const stock: Map<string, tf.KernelConfig> = ((globalThis as Record<symbol, unknown>)[STOCK_KEY] ??= new Map()) as Map<
  string,
  tf.KernelConfig
>;
/** Marks the kernel functions of the fixes, so that installing twice is a no-op. */
const FIX_MARK = Symbol.for('somlab.wasmFix');

export function isFix(name: string): boolean {
  return Boolean(
    (tf.getKernel(name, 'wasm')?.kernelFunc as unknown as Record<symbol, unknown> | undefined)?.[FIX_MARK],
  );
}

export function stockKernel(name: string): tf.KernelConfig {
  let k = stock.get(name);
  if (!k) {
    k = tf.getKernel(name, 'wasm');
    if (!k || isFix(name)) throw new Error(`the wasm backend has no stock ${name} kernel`);
    stock.set(name, k);
  }
  return k;
}

/** Runs stock kernels and frees every intermediate it ran when done. */
export class KernelScope {
  private readonly temps: Info[] = [];
  constructor(readonly backend: WasmBackend) {}

  run(name: string, inputs: Record<string, Info>, attrs: Record<string, unknown> = {}): Info {
    const out = (stockKernel(name).kernelFunc as unknown as KernelFunc)({ inputs, backend: this.backend, attrs });
    const info = Array.isArray(out) ? out[0]! : out;
    this.temps.push(info);
    return info;
  }

  /** A new float32 tensor on the heap, freed by done() like the kernels' intermediates. */
  make(shape: number[]): Info {
    const info = this.backend.makeOutput(shape, 'float32');
    this.temps.push(info);
    return info;
  }

  transpose(x: Info, perm: number[]): Info {
    return this.run('Transpose', { x }, { perm });
  }

  /** Frees every intermediate except `keep` (the kernel's output). */
  done(keep: Info): Info {
    for (const t of this.temps) if (t.dataId !== keep.dataId) this.backend.disposeData(t.dataId);
    return keep;
  }
}

/** Replaces a wasm kernel, keeping the stock setup function (it binds the wasm exports the stock kernel uses). */
export function replaceKernel(name: string, kernelFunc: KernelFunc): void {
  if (isFix(name)) return;
  const original = tf.getKernel(name, 'wasm');
  if (original) {
    stockKernel(name);
    tf.unregisterKernel(name, 'wasm');
  }
  const marked = Object.assign((args: KernelArgs) => kernelFunc(args), { [FIX_MARK]: true });
  tf.registerKernel({
    kernelName: name,
    backendName: 'wasm',
    setupFunc: original?.setupFunc,
    kernelFunc: marked as unknown as tf.KernelFunc,
  });
}

/** The permutation that swaps the last two axes. */
export const swapLast2 = (rank: number): number[] => [
  ...Array.from({ length: rank - 2 }, (_, i) => i),
  rank - 1,
  rank - 2,
];

export const pair = (v: number | number[]): [number, number] => (Array.isArray(v) ? [v[0]!, v[1] ?? v[0]!] : [v, v]);

export interface ConvAttrs {
  strides: number | [number, number];
  pad: 'same' | 'valid' | number | tf.backend_util.ExplicitPadding;
  dataFormat?: string;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}
