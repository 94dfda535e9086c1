/**
 * _FusedMatMul. Stock wasm computes a transposed or batched product with bias/activation in its naive
 * loop, which adds the bias per 48-wide block of the shared axis, indexes a 1-D bias by output element and
 * clamps partial sums: WRONG numbers. Rank 2: transpose the operands first, then the stock kernel runs on
 * XNNPACK (correct, and fast). Rank 3: a plain untransposed BatchMatMul, then bias and activation as their
 * own wasm kernels.
 */
import { untransposedOperands } from './batch-matmul';
import { KernelScope, replaceKernel, type Info, type KernelArgs } from './kernels';

const ACTIVATION_KERNELS: Record<string, string> = {
  relu: 'Relu',
  relu6: 'Relu6',
  sigmoid: 'Sigmoid',
  elu: 'Elu',
  tanh: 'Tanh',
};

function activate(scope: KernelScope, y: Info, args: KernelArgs): Info {
  const act = (args.attrs?.activation ?? 'linear') as string;
  if (act === 'linear') return y;
  if (act === 'leakyrelu') return scope.run('LeakyRelu', { x: y }, { alpha: args.attrs?.leakyreluAlpha ?? 0.2 });
  if (act === 'prelu') return scope.run('Prelu', { x: y, alpha: args.inputs.preluActivationWeights! });
  const kernel = ACTIVATION_KERNELS[act];
  if (!kernel) throw new Error(`_FusedMatMul (SOM Lab wasm fix): unknown activation "${act}"`);
  return scope.run(kernel, { x: y });
}

/** The product of the dimensions before the last two (1 for a matrix). */
const batchOf = (t: Info): number => t.shape.slice(0, -2).reduce((p, d) => p * d, 1);

export function fusedMatMul(args: KernelArgs): Info {
  const scope = new KernelScope(args.backend);
  const { transposeA, transposeB } = (args.attrs ?? {}) as { transposeA?: boolean; transposeB?: boolean };
  const { a, b } = args.inputs as { a: Info; b: Info };
  const plain = { transposeA: false, transposeB: false };
  // XNNPACK reads a bias of exactly N values; any other bias shape goes the decomposed way.
  const n = transposeB ? b.shape[b.shape.length - 2]! : b.shape[b.shape.length - 1]!;
  const bias = args.inputs.bias;
  if (batchOf(a) * batchOf(b) === 1 && (!bias || bias.shape.reduce((p, d) => p * d, 1) === n)) {
    if (!transposeA && !transposeB) return scope.run('_FusedMatMul', args.inputs, args.attrs);
    const ops = untransposedOperands(scope, args);
    return scope.done(scope.run('_FusedMatMul', { ...args.inputs, ...ops }, { ...args.attrs, ...plain }));
  }
  let y = scope.run('BatchMatMul', untransposedOperands(scope, args), plain);
  if (bias) y = scope.run('Add', { a: y, b: bias });
  return scope.done(activate(scope, y, args));
}

export function installFusedMatMulFix(): void {
  replaceKernel('_FusedMatMul', fusedMatMul);
}
