/**
 * The fused batch-SOM kernels on wasm: the two products run on XNNPACK (untransposed, its fast path) through
 * wasm's own kernels, everything O(B·N) or O(N·D) runs in JS on the wasm heap. One engine dispatch instead of
 * the ~15 small kernels of the op-by-op step, and no [B, N] neighbourhood gather or broadcast division.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { KernelScope, type Info, type WasmBackend } from '../../backend/wasm-fixes/kernels';
import { SOM_STEP, SOM_SUMS, type SomStepAttrs } from './names';
import { addKept, blendFactors, neighbourRowsT, neighbourSums, winnersOf } from './step-math';

interface Args {
  inputs: { x: Info; w: Info; h: Info };
  backend: WasmBackend;
  attrs?: Partial<SomStepAttrs>;
}

const f32 = (backend: WasmBackend, t: Info) => backend.typedArrayFromHeap(t) as Float32Array;

/**
 * Winners (argmin ‖w‖² − 2·W·Xᵀ) and Σh; then A [N, B] filled by `fill` (heap views are taken after the last
 * allocation before it, since a heap growth invalidates them) and num = A·X. Returns num and the scope.
 */
function sums(args: Args, extra: number[][], fill: (a: Float32Array, win: Int32Array, den: Float32Array) => void) {
  const { x, w, h } = args.inputs;
  const backend = args.backend,
    scope = new KernelScope(backend);
  const [b] = x.shape as [number, number];
  const n = w.shape[0]!;
  const noT = { transposeA: false, transposeB: false };
  const p = scope.run('BatchMatMul', { a: w, b: scope.transpose(x, [1, 0]) }, noT); // [N, B]
  const wsq = scope.run('Sum', { x: scope.run('Square', { x: w }) }, { axis: [1], keepDims: false });
  const a = backend.makeOutput([n, b], 'float32');
  const outs = extra.map((shape) => backend.makeOutput(shape, 'float32'));
  const win = new Int32Array(b),
    den = new Float32Array(n);
  winnersOf(f32(backend, p), f32(backend, wsq), n, b, win);
  neighbourSums(win, f32(backend, h), n, den);
  fill(f32(backend, a), win, den);
  const num = scope.run('BatchMatMul', { a, b: x }, noT); // [N, D]
  backend.disposeData(a.dataId);
  return { num, outs, den, scope, backend };
}

function somStep(args: Args): Info {
  let keep: Float32Array | null = null;
  const h = args.inputs.h;
  const { num, scope, backend } = sums(args, [], (a, win, den) => {
    const f = blendFactors(den, args.attrs?.alpha ?? 1);
    keep = f.keep;
    neighbourRowsT(win, f32(args.backend, h), den.length, f.scale, a);
  });
  addKept(f32(backend, num), f32(backend, args.inputs.w), keep!, args.inputs.w.shape[1]!);
  return scope.done(num);
}

function somSums(args: Args): Info[] {
  const n = args.inputs.w.shape[0]!;
  const h = args.inputs.h;
  const { num, outs, den, scope, backend } = sums(args, [[n]], (a, win) =>
    neighbourRowsT(win, f32(args.backend, h), n, null, a),
  );
  f32(backend, outs[0]!).set(den);
  scope.done(num);
  return [num, outs[0]!];
}

export const wasmKernels: tf.KernelConfig[] = [
  { kernelName: SOM_STEP, backendName: 'wasm', kernelFunc: somStep as unknown as tf.KernelFunc },
  { kernelName: SOM_SUMS, backendName: 'wasm', kernelFunc: somSums as unknown as tf.KernelFunc },
];
