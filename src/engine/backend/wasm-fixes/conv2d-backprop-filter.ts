/**
 * Conv2DBackpropFilter is not registered in tfjs-backend-wasm 4.22, so any conv training throws. Built here
 * from wasm's own Slice, Transpose and Conv2D:
 *   dW[kh,kw,ci,co] = Σ_{b,oy,ox} x[b, oy·s+kh−top, ox·s+kw−left, ci] · dy[b,oy,ox,co]
 * is a convolution of x with channels and batch swapped ([ci, H, W, B]) by dy as a filter ([oh, ow, B, co])
 * dilated by the stride; its output [ci, kh, kw, co] transposed is dW. NHWC; any stride; same, valid or
 * explicit padding.
 */
import * as tf from '@tensorflow/tfjs-core';
import { KernelScope, pair, replaceKernel, type ConvAttrs, type Info, type KernelArgs } from './kernels';

export function conv2dBackpropFilter(args: KernelArgs): Info {
  const { x, dy } = args.inputs as { x: Info; dy: Info };
  const a = args.attrs as unknown as ConvAttrs & { filterShape: [number, number, number, number] };
  if (a.dataFormat && a.dataFormat !== 'NHWC')
    throw new Error(`Conv2DBackpropFilter (SOM Lab wasm fix) supports NHWC only, received ${a.dataFormat}`);
  const [kh, kw] = a.filterShape;
  const [sh, sw] = pair(a.strides);
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    a.filterShape,
    [sh, sw],
    1,
    a.pad,
    a.dimRoundingMode,
  );
  const { top, left } = info.padInfo;
  const [batch, H, W, ci] = x.shape as [number, number, number, number];
  const [, oh, ow] = dy.shape as [number, number, number, number];
  const s = new KernelScope(args.backend);
  // Input rows/columns past the last one any output reads are cut, so the far padding is never negative.
  const needH = kh + sh * (oh - 1) - top,
    needW = kw + sw * (ow - 1) - left;
  const xs =
    needH < H || needW < W
      ? s.run('Slice', { x }, { begin: [0, 0, 0, 0], size: [batch, Math.min(H, needH), Math.min(W, needW), ci] })
      : x;
  const xT = s.transpose(xs, [3, 1, 2, 0]); // [ci, H, W, B]
  const dyT = s.transpose(dy, [1, 2, 0, 3]); // [oh, ow, B, co]
  const bottom = Math.max(0, needH - xs.shape[1]!),
    right = Math.max(0, needW - xs.shape[2]!);
  const pad = [
    [0, 0],
    [top, bottom],
    [left, right],
    [0, 0],
  ];
  const conv = s.run(
    'Conv2D',
    { x: xT, filter: dyT },
    { strides: [1, 1], pad, dilations: [sh, sw], dataFormat: 'NHWC' },
  ); // [ci, kh, kw, co]
  return s.done(s.transpose(conv, [1, 2, 0, 3]));
}

export function installConv2dBackpropFilterFix(): void {
  replaceKernel('Conv2DBackpropFilter', conv2dBackpropFilter);
}
