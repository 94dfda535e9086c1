/**
 * MaxPoolGrad. Stock wasm is WRONG where a window holds only negative numbers (their gradient is dropped
 * and lands on element 0 instead) and slow (~14 ms for LeNet's first pool layer, 64×28×28×16, a sixth of
 * a training step). Here, in JavaScript on the heap (~5 ms): each pooling window sends dy to its first
 * maximum (row-major, as the cpu backend's maxPoolPositions picks it; NaN never wins, a window with no
 * number passes nothing).
 */
import * as tf from '@tensorflow/tfjs-core';
import { replaceKernel, type Info, type KernelArgs } from './kernels';

interface PoolAttrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: 'same' | 'valid' | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

export function maxPoolGrad(args: KernelArgs): Info {
  const { dy, input } = args.inputs as { dy: Info; input: Info };
  const a = args.attrs as unknown as PoolAttrs;
  const c = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    a.filterSize,
    a.strides,
    1,
    a.pad,
    a.dimRoundingMode,
  );
  const b = args.backend;
  const out = b.makeOutput(input.shape, 'float32');
  const x = b.typedArrayFromHeap(input) as Float32Array,
    g = b.typedArrayFromHeap(dy) as Float32Array,
    dx = b.typedArrayFromHeap(out) as Float32Array;
  dx.fill(0);
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, strideHeight: sh, strideWidth: sw } = c;
  const fh = c.effectiveFilterHeight,
    fw = c.effectiveFilterWidth,
    top = c.padInfo.top,
    left = c.padInfo.left;
  for (let n = 0; n < c.batchSize; n++) {
    for (let yr = 0; yr < OH; yr++) {
      const r0 = yr * sh - top,
        rMin = Math.max(0, r0),
        rMax = Math.min(H, r0 + fh);
      for (let yc = 0; yc < OW; yc++) {
        const c0 = yc * sw - left,
          cMin = Math.max(0, c0),
          cMax = Math.min(W, c0 + fw);
        const gBase = ((n * OH + yr) * OW + yc) * C;
        for (let d = 0; d < C; d++) {
          let best = -Infinity,
            at = -1;
          for (let r = rMin; r < rMax; r++) {
            for (let i = ((n * H + r) * W + cMin) * C + d, end = i + (cMax - cMin) * C; i < end; i += C) {
              if (x[i]! > best) {
                best = x[i]!;
                at = i;
              }
            }
          }
          if (at >= 0) dx[at] += g[gBase + d]!;
        }
      }
    }
  }
  return out;
}

export function installMaxPoolGradFix(): void {
  replaceKernel('MaxPoolGrad', maxPoolGrad);
}
