/**
 * Per-step overhead that can be counted on any machine: kernels dispatched (every engine.runKernel call, as
 * the ops make them, gradients included) and values read back to the host (every engine.read / readSync,
 * which is what Tensor.data() and dataSync() call). On a GPU each read-back is a synchronisation and each
 * kernel a dispatch, so these two numbers say how a step will scale there without a GPU to measure it on.
 */
import * as tf from '@tensorflow/tfjs-core';

export interface StepCounts {
  /** Kernels dispatched through the engine. */
  kernels: number;
  /** Kernel name → times dispatched. */
  byKernel: Record<string, number>;
  /** Read-backs (data() / dataSync() / arraySync() ...). */
  reads: number;
  bytesRead: number;
  /** webgpu only: GPU programs dispatched (one engine kernel may run several, e.g. the fused SOM step). */
  gpuPrograms?: number;
}

interface GpuBackend {
  runWebGPUProgram(...args: unknown[]): unknown;
}

/** Counts the webgpu backend's program dispatches; returns the unhook. */
function hookPrograms(counts: StepCounts): () => void {
  const backend = tf.backend() as unknown as Partial<GpuBackend>;
  const run = backend.runWebGPUProgram;
  if (typeof run !== 'function') return () => undefined;
  counts.gpuPrograms = 0;
  backend.runWebGPUProgram = function (this: GpuBackend, ...args: unknown[]) {
    counts.gpuPrograms!++;
    return run.apply(this, args);
  };
  return () => delete backend.runWebGPUProgram;
}

type Engine = ReturnType<typeof tf.engine>;
/** The three engine methods hooked, typed loosely: the hooks only count and pass everything through. */
interface EngineHooks {
  runKernel(this: Engine, name: string, inputs: unknown, attrs?: unknown): unknown;
  read(this: Engine, dataId: object): Promise<unknown>;
  readSync(this: Engine, dataId: object): unknown;
}

const byteLength = (v: unknown): number =>
  ArrayBuffer.isView(v) ? v.byteLength : Array.isArray(v) ? v.reduce((s: number, b) => s + byteLength(b), 0) : 0;

/**
 * Runs `fn` and counts what it dispatched and read back. Nested calls are refused: the hooks are instance
 * properties on the one engine and a second layer would count everything twice.
 */
export async function countStep<T>(fn: () => T | Promise<T>): Promise<{ result: T; counts: StepCounts }> {
  const engine = tf.engine() as Engine & Partial<Record<'__counting', boolean>>;
  if (engine.__counting) throw new Error('countStep: already counting (calls do not nest)');
  const counts: StepCounts = { kernels: 0, byKernel: {}, reads: 0, bytesRead: 0 };
  const own = engine as unknown as EngineHooks;
  const hooked = ['runKernel', 'read', 'readSync'] as const;
  if (hooked.some((k) => Object.hasOwn(engine, k))) throw new Error('countStep: the engine is already hooked');
  const proto = Object.getPrototypeOf(engine) as EngineHooks;
  own.runKernel = function (name, inputs, attrs) {
    counts.kernels++;
    counts.byKernel[name] = (counts.byKernel[name] ?? 0) + 1;
    return proto.runKernel.call(this, name, inputs, attrs);
  };
  own.readSync = function (dataId) {
    const v = proto.readSync.call(this, dataId);
    counts.reads++;
    counts.bytesRead += byteLength(v);
    return v;
  };
  own.read = async function (dataId) {
    counts.reads++;
    const v = await proto.read.call(this, dataId);
    counts.bytesRead += byteLength(v);
    return v;
  };
  engine.__counting = true;
  const unhookPrograms = hookPrograms(counts);
  try {
    return { result: await fn(), counts };
  } finally {
    unhookPrograms();
    // Back to the prototype's methods (delete, so no instance copy is left behind).
    for (const k of hooked) delete (own as Partial<EngineHooks>)[k];
    delete engine.__counting;
  }
}
