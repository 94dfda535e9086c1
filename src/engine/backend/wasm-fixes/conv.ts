/**
 * Conv2D gradients on wasm. Conv2DBackpropFilter is not registered in tfjs-backend-wasm 4.22 (any conv
 * training throws); it is built here from wasm's own Transpose, Slice and Conv2D. Stride-1
 * Conv2DBackpropInput is faster as a conv2d of dy with the flipped, in/out-swapped filter.
 */
import * as tf from '@tensorflow/tfjs-core';
import { KernelScope, replaceKernel, type Info } from './kernels';

interface ConvAttrs { strides: number | [number, number]; pad: 'same' | 'valid' | number | tf.backend_util.ExplicitPadding; dataFormat?: string; dimRoundingMode?: 'floor' | 'round' | 'ceil' }

const pair = (v: number | [number, number]): [number, number] => (Array.isArray(v) ? v : [v, v]);

/**
 * dW[kh,kw,ci,co] = Σ_{b,oy,ox} x[b, oy·s+kh−top, ox·s+kw−left, ci] · dy[b,oy,ox,co]: a convolution of x
 * (channels as batch, batch as channels) with dy as a filter dilated by the stride.
 */
function backpropFilter(args: { inputs: Record<string, Info>; backend: unknown; attrs?: Record<string, unknown> }): Info {
  const { x, dy } = args.inputs as { x: Info; dy: Info };
  const a = args.attrs as unknown as ConvAttrs & { filterShape: [number, number, number, number] };
  if (a.dataFormat && a.dataFormat !== 'NHWC') throw new Error(`Conv2DBackpropFilter (SOM Lab wasm fix) supports NHWC only, received ${a.dataFormat}`);
  const [kh, kw] = a.filterShape;
  const [sh, sw] = pair(a.strides);
  const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], a.filterShape, [sh, sw], 1, a.pad, a.dimRoundingMode);
  const { top, left } = info.padInfo;
  const [, H, W] = x.shape as [number, number, number, number];
  const [, oh, ow] = dy.shape as [number, number, number, number];
  const s = new KernelScope(args.backend as never);
  // Rows past the last one any output reads are cut, so the bottom/right padding is never negative.
  const needH = kh + sh * (oh - 1) - top, needW = kw + sw * (ow - 1) - left;
  let xs = x;
  if (needH < H || needW < W) xs = s.run('Slice', { x }, { begin: [0, 0, 0, 0], size: [x.shape[0], Math.min(H, needH), Math.min(W, needW), x.shape[3]] });
  const xT = s.transpose(xs, [3, 1, 2, 0]); // [ci, H, W, B]
  const dyT = s.transpose(dy, [1, 2, 0, 3]); // [oh, ow, B, co]
  const bottom = Math.max(0, needH - xs.shape[1]!), right = Math.max(0, needW - xs.shape[2]!);
  const pad = [[0, 0], [top, bottom], [left, right], [0, 0]];
  const conv = s.run('Conv2D', { x: xT, filter: dyT }, { strides: [1, 1], pad, dilations: [sh, sw], dataFormat: 'NHWC' }); // [ci, kh, kw, co]
  return s.done(s.transpose(conv, [1, 2, 0, 3]));
}

/** dx of a stride-1 conv: conv2d(dy, flip(W) with in/out swapped), padded so the output is the input size. */
function backpropInput(args: { inputs: Record<string, Info>; backend: unknown; attrs?: Record<string, unknown> }): Info {
  const { dy, filter } = args.inputs as { dy: Info; filter: Info };
  const a = args.attrs as unknown as ConvAttrs & { inputShape: [number, number, number, number] };
  const [sh, sw] = pair(a.strides);
  const s = new KernelScope(args.backend as never);
  if (sh !== 1 || sw !== 1 || (a.dataFormat && a.dataFormat !== 'NHWC')) return s.run('Conv2DBackpropInput', args.inputs, args.attrs);
  const [kh, kw] = filter.shape as [number, number, number, number];
  const info = tf.backend_util.computeConv2DInfo(a.inputShape, filter.shape as [number, number, number, number], 1, 1, a.pad, a.dimRoundingMode);
  const { top, left } = info.padInfo;
  const [, H, W] = a.inputShape;
  const [, oh, ow] = dy.shape as [number, number, number, number];
  const flipped = s.run('Reverse', { x: filter }, { dims: [0, 1] });
  const swapped = s.transpose(flipped, [0, 1, 3, 2]); // [kh, kw, co, ci]
  const padTop = kh - 1 - top, padLeft = kw - 1 - left;
  const padBottom = H + kh - 1 - padTop - oh, padRight = W + kw - 1 - padLeft - ow;
  const pad = [[0, 0], [padTop, padBottom], [padLeft, padRight], [0, 0]];
  if ([padTop, padBottom, padLeft, padRight].some((p) => p < 0)) return s.done(s.run('Conv2DBackpropInput', args.inputs, args.attrs));
  return s.done(s.run('Conv2D', { x: dy, filter: swapped }, { strides: [1, 1], pad, dilations: [1, 1], dataFormat: 'NHWC' }));
}

export function installConvFixes(): void {
  replaceKernel('Conv2DBackpropFilter', backpropFilter);
  replaceKernel('Conv2DBackpropInput', backpropInput);
}
