/** The fused batch-SOM kernels on the pure-JS cpu backend: the step math of step-math.ts with plain loops. */
import * as tf from '@tensorflow/tfjs-core';
import { SOM_BEST, SOM_STEP, SOM_SUMS, type SomStepAttrs } from './names';
import {
  addKept,
  blendFactors,
  distinctWinners,
  neighbourRowsT,
  neighbourSums,
  rowNormsSq,
  sumByWinner,
  winnersOf,
} from './step-math';

interface CpuBackend {
  data: { get(dataId: object): { values: tf.backend_util.BackendValues } };
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: tf.backend_util.BackendValues): tf.TensorInfo;
}

interface Args {
  inputs: { x: tf.TensorInfo; w: tf.TensorInfo; h: tf.TensorInfo; win?: tf.TensorInfo };
  backend: CpuBackend;
  attrs?: Partial<SomStepAttrs>;
}

/** p [n, b] = W·Xᵀ: both operands are row-major along D, so the inner loop runs over contiguous memory. */
export function productsT(w: Float32Array, x: Float32Array, n: number, b: number, d: number): Float32Array {
  const p = new Float32Array(n * b);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < b; i++) {
      let s = 0;
      for (let k = 0, wj = j * d, xi = i * d; k < d; k++) s += w[wj + k]! * x[xi + k]!;
      p[j * b + i] = s;
    }
  }
  return p;
}

/** num [n, d] = A·X for A [n, b], X [b, d]: row j of num is Σ_i A[j, i]·x_i. */
export function leftProduct(a: Float32Array, x: Float32Array, n: number, b: number, d: number): Float32Array {
  const num = new Float32Array(n * d);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < b; i++) {
      const c = a[j * b + i]!;
      if (c === 0) continue;
      for (let k = 0, o = j * d, xi = i * d; k < d; k++) num[o + k]! += c * x[xi + k]!;
    }
  }
  return num;
}

/** win [b]: each sample's nearest neuron of w; `best`, when given, gets its score x·w − ½‖w‖² (larger: nearer). */
function nearest(
  w: Float32Array,
  x: Float32Array,
  n: number,
  b: number,
  d: number,
  win: Int32Array,
  best?: Float32Array,
) {
  const wsq = new Float32Array(n);
  rowNormsSq(w, n, d, wsq);
  const p = productsT(w, x, n, b, d);
  winnersOf(p, wsq, n, b, win);
  if (best) for (let i = 0; i < b; i++) best[i] = p[win[i]! * b + i]! - 0.5 * wsq[win[i]!]!;
}

function prepare({ inputs, backend, attrs }: Args) {
  const get = (t: tf.TensorInfo) => backend.data.get(t.dataId).values as Float32Array;
  const [b, d] = inputs.x.shape as [number, number];
  const n = inputs.w.shape[0]!;
  const x = get(inputs.x),
    w = get(inputs.w),
    h = get(inputs.h);
  const win = inputs.win ? (backend.data.get(inputs.win.dataId).values as Int32Array) : new Int32Array(b);
  if (!inputs.win) nearest(w, x, n, b, d, win);
  const den = new Float32Array(n);
  const [lo, width] = [attrs?.lo ?? 0, inputs.h.shape[1]!];
  neighbourSums(win, h, n, den, lo, width);
  const { units, slot } = distinctWinners(win, inputs.h.shape[0]!);
  const s = new Float32Array(units.length * d);
  sumByWinner(win, slot, x, d, s);
  return { d, n, w, h, units, s, den, lo, width };
}

function somStep(args: Args): tf.TensorInfo {
  const { d, n, w, h, units, s, den, lo, width } = prepare(args);
  const { scale, keep } = blendFactors(den, args.attrs?.alpha ?? 1);
  const a = new Float32Array(n * units.length);
  neighbourRowsT(units, h, n, scale, a, lo, width);
  const next = leftProduct(a, s, n, units.length, d);
  addKept(next, w, keep, d);
  return args.backend.makeTensorInfo([n, d], 'float32', next);
}

function somSums(args: Args): tf.TensorInfo[] {
  const { d, n, h, units, s, den } = prepare(args);
  const a = new Float32Array(n * units.length);
  neighbourRowsT(units, h, n, null, a);
  return [
    args.backend.makeTensorInfo([n, d], 'float32', leftProduct(a, s, n, units.length, d)),
    args.backend.makeTensorInfo([n], 'float32', den),
  ];
}

function somBest({ inputs, backend }: Args): tf.TensorInfo[] {
  const get = (t: tf.TensorInfo) => backend.data.get(t.dataId).values as Float32Array;
  const [b, d] = inputs.x.shape as [number, number];
  const n = inputs.w.shape[0]!;
  const [win, best] = [new Int32Array(b), new Float32Array(b)];
  nearest(get(inputs.w), get(inputs.x), n, b, d, win, best);
  return [backend.makeTensorInfo([b], 'float32', best), backend.makeTensorInfo([b], 'int32', win)];
}

export const cpuKernels: tf.KernelConfig[] = [
  { kernelName: SOM_STEP, backendName: 'cpu', kernelFunc: somStep as unknown as tf.KernelFunc },
  { kernelName: SOM_SUMS, backendName: 'cpu', kernelFunc: somSums as unknown as tf.KernelFunc },
  { kernelName: SOM_BEST, backendName: 'cpu', kernelFunc: somBest as unknown as tf.KernelFunc },
];
