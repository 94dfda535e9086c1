/**
 * Conv2DBackpropInput with stride 1: faster on wasm as a plain Conv2D (XNNPACK) of dy with the spatially
 * flipped filter, in/out channels swapped, padded so the output is the input's size. Other strides and
 * data formats keep the stock kernel.
 */
import * as tf from '@tensorflow/tfjs-core';
import { KernelScope, pair, replaceKernel, type ConvAttrs, type Info, type KernelArgs } from './kernels';

export function conv2dBackpropInput(args: KernelArgs): Info {
  const { dy, filter } = args.inputs as { dy: Info; filter: Info };
  const a = args.attrs as unknown as ConvAttrs & { inputShape: [number, number, number, number] };
  const [sh, sw] = pair(a.strides);
  const s = new KernelScope(args.backend);
  if (sh !== 1 || sw !== 1 || (a.dataFormat && a.dataFormat !== 'NHWC'))
    return s.run('Conv2DBackpropInput', args.inputs, args.attrs);
  const [kh, kw] = filter.shape as [number, number, number, number];
  const info = tf.backend_util.computeConv2DInfo(
    a.inputShape,
    filter.shape as [number, number, number, number],
    1,
    1,
    a.pad,
    a.dimRoundingMode,
  );
  const { top, left } = info.padInfo;
  const [, H, W] = a.inputShape;
  const [, oh, ow] = dy.shape as [number, number, number, number];
  const padTop = kh - 1 - top,
    padLeft = kw - 1 - left;
  const padBottom = H + kh - 1 - padTop - oh,
    padRight = W + kw - 1 - padLeft - ow;
  // Negative padding (an explicit pad wider than the kernel) has no Conv2D form: keep the stock kernel.
  if (Math.min(padTop, padBottom, padLeft, padRight) < 0) return s.run('Conv2DBackpropInput', args.inputs, args.attrs);
  const flipped = s.run('Reverse', { x: filter }, { dims: [0, 1] });
  const swapped = s.transpose(flipped, [0, 1, 3, 2]); // [kh, kw, co, ci]
  const pad = [
    [0, 0],
    [padTop, padBottom],
    [padLeft, padRight],
    [0, 0],
  ];
  return s.done(
    s.run('Conv2D', { x: dy, filter: swapped }, { strides: [1, 1], pad, dilations: [1, 1], dataFormat: 'NHWC' }),
  );
}

export function installConv2dBackpropInputFix(): void {
  replaceKernel('Conv2DBackpropInput', conv2dBackpropInput);
}
