/**
 * Sign. Stock wasm returns 0 for any |x| under about 1e-7 (measured: sign(1e-8) = 0, sign(1e-6) = 1), so an
 * FGSM/PGD step on a confident net, whose input gradients are 1e-12–1e-5, left most of its test samples where
 * they were and the accuracy curve flat from ε = 0.15 on. This is the cpu backend's rule on the heap: −1, 0 or
 * 1 by the sign of x, and 0 for 0 and NaN.
 */
import { replaceKernel, type Info, type KernelArgs } from './kernels';

export function sign(args: KernelArgs): Info {
  const { x } = args.inputs as { x: Info };
  const b = args.backend;
  const out = b.makeOutput(x.shape, x.dtype);
  // Views taken after makeOutput: an allocation may grow (and so detach) the heap.
  const src = b.typedArrayFromHeap(x),
    dst = b.typedArrayFromHeap(out);
  for (let i = 0; i < src.length; i++) dst[i] = src[i]! > 0 ? 1 : src[i]! < 0 ? -1 : 0;
  return out;
}

export function installSignFix(): void {
  replaceKernel('Sign', sign);
}
