/**
 * The fused batch-SOM kernels on wasm: the two products run on XNNPACK (untransposed, its fast path) through
 * wasm's own kernels, everything O(B·N) or O(N·D) runs in JS on the wasm heap. One engine dispatch instead of
 * the ~15 small kernels of the op-by-op step, and no [B, N] neighbourhood gather or broadcast division. The
 * batch is grouped by winner first (step-math.ts), so the second product is [N, K]·[K, D] for K distinct
 * winners, not [N, B]·[B, D].
 */
import type * as tf from '@tensorflow/tfjs-core';
import { KernelScope, type Info, type WasmBackend } from '../../backend/wasm-fixes/kernels';
import { simdLoops } from '../../backend/simd/simd';
import { SOM_BEST, SOM_STEP, SOM_SUMS, type SomStepAttrs } from './names';
import {
  addKept,
  blendFactors,
  distinctWinners,
  neighbourRowsT,
  neighbourSums,
  rowNormsSq,
  sumByWinner,
  bestOfRows,
} from './step-math';

interface Args {
  inputs: { x: Info; w: Info; h: Info; win?: Info };
  backend: WasmBackend;
  attrs?: Partial<SomStepAttrs>;
}

const f32 = (backend: WasmBackend, t: Info) => backend.typedArrayFromHeap(t) as Float32Array;

/**
 * ‖w‖² of the codebooks this kernel made, by tensor data: a step's output is the next step's input, and its
 * norms cost nothing while it is written. Tensors are immutable, so an entry stays right while its data lives.
 */
const norms = new WeakMap<object, Float32Array>();

function normsOf(backend: WasmBackend, w: Info): Float32Array {
  let q = norms.get(w.dataId);
  if (!q) {
    const [n, d] = w.shape as [number, number];
    rowNormsSq(f32(backend, w), n, d, (q = new Float32Array(n)));
  }
  return q;
}

const simdOf = (backend: WasmBackend) =>
  simdLoops((backend as { wasm?: { asm?: { memory?: WebAssembly.Memory } } }).wasm?.asm?.memory);

/** sumByWinner (step-math.ts) on the heap, whole rows by the SIMD loop where D is a multiple of 4. */
function groupSums(backend: WasmBackend, win: Int32Array, slot: Int32Array, x: Info, s: Info): void {
  const d = x.shape[1]!,
    simd = simdOf(backend);
  const [xs, ss] = [f32(backend, x), f32(backend, s)];
  if (!simd || d % 4 !== 0) return sumByWinner(win, slot, xs, d, ss);
  ss.fill(0);
  for (let i = 0; i < win.length; i++)
    simd.addRows(ss.byteOffset + slot[win[i]!]! * d * 4, xs.byteOffset + i * d * 4, d);
}

/** addKept with the new norms (step-math.ts), row by row by the SIMD loop where D is a multiple of 4. */
function blendKept(backend: WasmBackend, num: Info, w: Info, keep: Float32Array, q: Float32Array): void {
  const d = w.shape[1]!,
    simd = simdOf(backend);
  const [nv, wv] = [f32(backend, num), f32(backend, w)];
  if (!simd || d % 4 !== 0) return addKept(nv, wv, keep, d, q);
  for (let j = 0; j < keep.length; j++)
    q[j] = simd.keptRow(nv.byteOffset + j * d * 4, wv.byteOffset + j * d * 4, d, keep[j]!);
}

/**
 * Scores [B, N] = x·w − ½‖w‖² (argmax: the nearest neuron) in one XNNPACK product with the norms as its bias.
 * X·Wᵀ, not W·Xᵀ: the same product time, and W [N, D] transposes 3× faster than X [256, 784] (a power-of-two
 * stride on the write side).
 */
function scores(scope: KernelScope, x: Info, w: Info): Info {
  const backend = scope.backend;
  const n = w.shape[0]!;
  const bias = scope.make([n]);
  const q = normsOf(backend, w),
    half = f32(backend, bias);
  for (let j = 0; j < n; j++) half[j] = -0.5 * q[j]!;
  const wt = scope.transpose(w, [1, 0]);
  const plain = { transposeA: false, transposeB: false, activation: 'linear' };
  const as3 = (t: Info): Info => ({ ...t, shape: [1, ...t.shape] }); // the stock kernel reads rank-3 shapes
  return scope.run('_FusedMatMul', { a: as3(x), b: as3(wt), bias }, plain);
}

/** The winners given as input `win` (a neuron-split step), else the nearest neurons of w. */
function winnersOf(scope: KernelScope, { x, w, win }: Args['inputs']): Int32Array {
  if (win) return Int32Array.from(scope.backend.typedArrayFromHeap(win) as Int32Array);
  const out = new Int32Array(x.shape[0]!);
  bestOfRows(f32(scope.backend, scores(scope, x, w)), x.shape[0]!, w.shape[0]!, out);
  return out;
}

/**
 * Winners, Σh and the batch grouped by winner; then A [N, K] filled with the neighbourhood rows of the winners
 * times `scale` and num = A·S. Heap views are taken after the last allocation before they are used, since a
 * heap growth invalidates them.
 */
function sums(args: Args, scaleOf: (den: Float32Array) => Float32Array | null) {
  const { x, w, h } = args.inputs;
  const backend = args.backend,
    scope = new KernelScope(backend);
  const d = x.shape[1]!;
  const n = w.shape[0]!;
  const noT = { transposeA: false, transposeB: false };
  const win = winnersOf(scope, args.inputs),
    den = new Float32Array(n);
  const [lo, width] = [args.attrs?.lo ?? 0, h.shape[1]!];
  neighbourSums(win, f32(backend, h), n, den, lo, width);
  const { units, slot } = distinctWinners(win, h.shape[0]!);
  const k = units.length;
  const s = scope.make([k, d]),
    a = scope.make([n, k]);
  groupSums(backend, win, slot, x, s);
  neighbourRowsT(units, f32(backend, h), n, scaleOf(den), f32(backend, a), lo, width);
  const num = scope.run('BatchMatMul', { a, b: s }, noT); // [N, D]
  scope.done(num);
  return { num, den, backend };
}

function somStep(args: Args): Info {
  let keep: Float32Array | null = null;
  const { num, backend } = sums(args, (den) => {
    const f = blendFactors(den, args.attrs?.alpha ?? 1);
    keep = f.keep;
    return f.scale;
  });
  const q = new Float32Array(args.inputs.w.shape[0]!);
  blendKept(backend, num, args.inputs.w, keep!, q);
  norms.set(num.dataId, q);
  return num;
}

function somSums(args: Args): Info[] {
  const { num, den, backend } = sums(args, () => null);
  const out = backend.makeOutput([args.inputs.w.shape[0]!], 'float32');
  f32(backend, out).set(den);
  return [num, out];
}

/** Each row's nearest neuron of w and its score (SOM_BEST). */
function somBest({ inputs: { x, w }, backend }: Args): Info[] {
  const scope = new KernelScope(backend);
  const b = x.shape[0]!;
  const [best, at] = [backend.makeOutput([b], 'float32'), backend.makeOutput([b], 'int32')];
  const s = scores(scope, x, w);
  bestOfRows(f32(backend, s), b, w.shape[0]!, backend.typedArrayFromHeap(at) as Int32Array, f32(backend, best));
  scope.done(best); // frees the scores (best and at are outputs, not the scope's)
  return [best, at];
}

export const wasmKernels: tf.KernelConfig[] = [
  { kernelName: SOM_STEP, backendName: 'wasm', kernelFunc: somStep as unknown as tf.KernelFunc },
  { kernelName: SOM_SUMS, backendName: 'wasm', kernelFunc: somSums as unknown as tf.KernelFunc },
  { kernelName: SOM_BEST, backendName: 'wasm', kernelFunc: somBest as unknown as tf.KernelFunc },
];
