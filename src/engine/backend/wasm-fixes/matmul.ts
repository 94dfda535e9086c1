/**
 * BatchMatMul and _FusedMatMul with a transpose attribute run ~12× slower on wasm (XNNPACK gets a strided
 * operand) and _FusedMatMul with a transpose (or rank 3) plus bias/activation returns wrong numbers.
 * Fix: transpose the operand first with wasm's Transpose, then call the stock kernel untransposed.
 */
import { KernelScope, replaceKernel, swapLast2, type Info } from './kernels';

function untransposed(name: string) {
  return (args: { inputs: Record<string, Info>; backend: unknown; attrs?: Record<string, unknown> }): Info => {
    const { transposeA, transposeB } = (args.attrs ?? {}) as { transposeA?: boolean; transposeB?: boolean };
    const { a, b } = args.inputs as { a: Info; b: Info };
    const rank3 = a.shape.length > 2 || b.shape.length > 2;
    const fused = name === '_FusedMatMul' && (args.inputs.bias !== undefined || (args.attrs?.activation ?? 'linear') !== 'linear');
    if (!transposeA && !transposeB && !(fused && rank3)) return new KernelScope(args.backend as never).run(name, args.inputs, args.attrs);
    const scope = new KernelScope(args.backend as never);
    const a2 = transposeA ? scope.transpose(a, swapLast2(a.shape.length)) : a;
    const b2 = transposeB ? scope.transpose(b, swapLast2(b.shape.length)) : b;
    if (fused && rank3) return scope.done(fusedRank3(scope, a2, b2, args));
    return scope.done(scope.run(name, { ...args.inputs, a: a2, b: b2 }, { ...args.attrs, transposeA: false, transposeB: false }));
  };
}

/** Rank-3 fused matmul: a plain BatchMatMul, then bias and activation as their own wasm kernels. */
function fusedRank3(scope: KernelScope, a: Info, b: Info, args: { inputs: Record<string, Info>; attrs?: Record<string, unknown> }): Info {
  let y = scope.run('BatchMatMul', { a, b }, { transposeA: false, transposeB: false });
  if (args.inputs.bias) y = scope.run('Add', { a: y, b: args.inputs.bias });
  const act = (args.attrs?.activation ?? 'linear') as string;
  const ACT: Record<string, string> = { relu: 'Relu', relu6: 'Relu6', sigmoid: 'Sigmoid', elu: 'Elu', tanh: 'Tanh' };
  if (act === 'leakyrelu') y = scope.run('LeakyRelu', { x: y }, { alpha: args.attrs?.leakyreluAlpha ?? 0.2 });
  else if (act === 'prelu') y = scope.run('Prelu', { x: y, alpha: args.inputs.preluActivationWeights! });
  else if (act !== 'linear') y = scope.run(ACT[act] ?? 'Relu', { x: y });
  return y;
}

export function installMatMulFixes(): void {
  replaceKernel('BatchMatMul', untransposed('BatchMatMul'));
  replaceKernel('_FusedMatMul', untransposed('_FusedMatMul'));
}
