/**
 * One Adam update of one variable as one kernel (cpu and wasm): inputs value, m, v, grad of the same shape,
 * outputs [value', m', v'] with tfjs's AdamOptimizer math,
 *   m' = β1·m + (1 − β1)·g,  v' = β2·v + (1 − β2)·g²,  value' = value − lr·(m'/c1) / (√(v'/c2) + ε),
 * c1 = 1 − β1^t, c2 = 1 − β2^t. One pass over the variable instead of 14 kernels (each a pass, an output and
 * scalar constants uploaded), the bulk of an MLP step's kernels. On wasm the pass is a SIMD loop on the heap
 * (backend/simd, 7× the JS loop), float32 per op in tfjs's order; the JS loop (cpu, the last n mod 4 floats,
 * runtimes without SIMD) runs in float64, rounding once per output: both agree with tfjs within float32
 * rounding.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WasmBackend } from '../backend/wasm-fixes/kernels';
import { simdLoops } from '../backend/simd/simd';

export const ADAM_STEP = 'SomLabAdamStep';

export interface AdamAttrs {
  lr: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** 1 − β1^t and 1 − β2^t for this step t (1-based). */
  c1: number;
  c2: number;
}

type Info = tf.TensorInfo;
interface Inputs {
  value: Info;
  m: Info;
  v: Info;
  grad: Info;
}

/** The update on plain arrays: p, m, v, g in; p2, m2, v2 out. */
export function adamUpdate(
  [p, m, v, g]: Float32Array[],
  [p2, m2, v2]: Float32Array[],
  { lr, beta1, beta2, epsilon, c1, c2 }: AdamAttrs,
): void {
  const b1 = 1 - beta1,
    b2 = 1 - beta2;
  for (let i = 0; i < p!.length; i++) {
    const gi = g![i]!;
    const mi = beta1 * m![i]! + b1 * gi;
    const vi = beta2 * v![i]! + b2 * gi * gi;
    m2![i] = mi;
    v2![i] = vi;
    p2![i] = p![i]! - (lr * (mi / c1)) / (Math.sqrt(vi / c2) + epsilon);
  }
}

const order = ({ value, m, v, grad }: Inputs): Info[] => [value, m, v, grad];

function checkShapes(inputs: Inputs): void {
  const want = inputs.value.shape.join(',');
  for (const [k, t] of Object.entries(inputs) as [string, Info][])
    if (t.shape.join(',') !== want || t.dtype !== 'float32')
      throw new Error(`${ADAM_STEP}: ${k} is ${t.dtype} [${t.shape}]; expected float32 [${want}] like the value`);
}

interface CpuBackend {
  data: { get(dataId: object): { values: tf.backend_util.BackendValues } };
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: tf.backend_util.BackendValues): Info;
}

function cpuAdam({ inputs, backend, attrs }: { inputs: Inputs; backend: CpuBackend; attrs: AdamAttrs }): Info[] {
  checkShapes(inputs);
  const ins = order(inputs).map((t) => backend.data.get(t.dataId).values as Float32Array);
  const outs = [0, 1, 2].map(() => new Float32Array(ins[0]!.length));
  adamUpdate(ins, outs, attrs);
  return outs.map((o) => backend.makeTensorInfo(inputs.value.shape, 'float32', o));
}

function wasmAdam({ inputs, backend, attrs }: { inputs: Inputs; backend: WasmBackend; attrs: AdamAttrs }): Info[] {
  checkShapes(inputs);
  const outs = [0, 1, 2].map(() => backend.makeOutput(inputs.value.shape, 'float32'));
  // Views after the last allocation: a heap growth detaches earlier ones.
  const view = (t: Info) => backend.typedArrayFromHeap(t) as Float32Array;
  const [ins, res] = [order(inputs).map(view), outs.map(view)];
  const memory = (backend as { wasm?: { asm?: { memory?: WebAssembly.Memory } } }).wasm?.asm?.memory;
  const simd = simdLoops(memory);
  const n = ins[0]!.length,
    bulk = simd ? n - (n % 4) : 0;
  if (simd && bulk > 0)
    simd.adam(
      [...ins, ...res].map((a) => a.byteOffset),
      bulk,
      attrs,
    );
  if (bulk < n)
    adamUpdate(
      ins.map((a) => a.subarray(bulk)),
      res.map((a) => a.subarray(bulk)),
      attrs,
    );
  return outs;
}

const KERNELS: tf.KernelConfig[] = [
  { kernelName: ADAM_STEP, backendName: 'cpu', kernelFunc: cpuAdam as unknown as tf.KernelFunc },
  { kernelName: ADAM_STEP, backendName: 'wasm', kernelFunc: wasmAdam as unknown as tf.KernelFunc },
];

/** Registers the fused Adam kernels (once; tfjs's registry is global). */
export function registerAdamKernels(): void {
  for (const k of KERNELS) if (!tf.getKernel(k.kernelName, k.backendName)) tf.registerKernel(k);
}
