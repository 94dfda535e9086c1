/**
 * BatchMatMul with transposeA/transposeB. Stock wasm sends any transposed (or batched) product to a naive
 * blocked loop, ~12× slower than XNNPACK's fully-connected path, which it takes only for untransposed
 * rank-2 operands. Transposing the operand first with wasm's Transpose and calling the stock kernel
 * untransposed keeps every rank-2 product on XNNPACK.
 */
import { KernelScope, replaceKernel, swapLast2, type Info, type KernelArgs } from './kernels';

/** The operands with their transposes applied (as new tensors in `scope`). */
export function untransposedOperands(scope: KernelScope, args: KernelArgs): { a: Info; b: Info } {
  const { transposeA, transposeB } = (args.attrs ?? {}) as { transposeA?: boolean; transposeB?: boolean };
  const { a, b } = args.inputs as { a: Info; b: Info };
  return {
    a: transposeA ? scope.transpose(a, swapLast2(a.shape.length)) : a,
    b: transposeB ? scope.transpose(b, swapLast2(b.shape.length)) : b,
  };
}

export function batchMatMul(args: KernelArgs): Info {
  const scope = new KernelScope(args.backend);
  const { transposeA, transposeB } = (args.attrs ?? {}) as { transposeA?: boolean; transposeB?: boolean };
  if (!transposeA && !transposeB) return scope.run('BatchMatMul', args.inputs, args.attrs);
  const { a, b } = untransposedOperands(scope, args);
  return scope.done(scope.run('BatchMatMul', { a, b }, { ...args.attrs, transposeA: false, transposeB: false }));
}

export function installBatchMatMulFix(): void {
  replaceKernel('BatchMatMul', batchMatMul);
}
