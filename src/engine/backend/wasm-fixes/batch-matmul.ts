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

const size = (t: Info): number => t.shape.reduce((p, d) => p * d, 1);

/**
 * A·Bᵀ for matrices, computed as (B·Aᵀ)ᵀ when that moves less data. XNNPACK packs its second operand on
 * every call whose tensor is new (a weight just updated, a fresh transpose): A·Bᵀ transposes and packs B;
 * (B·Aᵀ)ᵀ transposes and packs A, then transposes the product. E.g. an MLP's dx = dy·Wᵀ with a small
 * batch: dy [128, 256] is much smaller than W [784, 256].
 */
function viaSwappedProduct(scope: KernelScope, a: Info, b: Info): Info | null {
  if (a.shape.length !== 2 || b.shape.length !== 2) return null;
  const product = a.shape[0]! * b.shape[0]!;
  if (2 * size(a) + product >= 2 * size(b)) return null;
  const aT = scope.transpose(a, [1, 0]);
  return scope.transpose(scope.run('BatchMatMul', { a: b, b: aT }, { transposeA: false, transposeB: false }), [1, 0]);
}

export function batchMatMul(args: KernelArgs): Info {
  const scope = new KernelScope(args.backend);
  const { transposeA, transposeB } = (args.attrs ?? {}) as { transposeA?: boolean; transposeB?: boolean };
  if (!transposeA && !transposeB) return scope.run('BatchMatMul', args.inputs, args.attrs);
  if (transposeB && !transposeA) {
    const swapped = viaSwappedProduct(scope, args.inputs.a!, args.inputs.b!);
    if (swapped) return scope.done(swapped);
  }
  const { a, b } = untransposedOperands(scope, args);
  return scope.done(scope.run('BatchMatMul', { a, b }, { ...args.attrs, transposeA: false, transposeB: false }));
}

export function installBatchMatMulFix(): void {
  replaceKernel('BatchMatMul', batchMatMul);
}
