/**
 * `node --import tsx bench/kernels.ts [--reps N]`: each wasm kernel fix before and after, on the shapes of
 * the bench cases. Runs every kernel on stock wasm first, then installs the fixes and runs them again (the
 * fixes cannot be uninstalled). Median ms per call; "throws" where stock wasm has no kernel.
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-layers'; // registers the gradients (tfjs-core alone does not in Node)
import { installWasmFixes } from '../src/engine/backend/wasm-fixes';

const { values } = parseArgs({ options: { reps: { type: 'string', default: '15' } } });
const reps = Number(values.reps);
await tf.setBackend('wasm');
const r = (shape: number[], seed: number) => tf.randomUniform(shape, -1, 1, 'float32', seed);

type Op = () => tf.Tensor;
// Inputs made once: random generation would cost more than some of the kernels.
const x256 = r([256, 784], 1),
  w400 = r([400, 784], 2),
  h256 = r([256, 400], 3);
const x128 = r([128, 784], 4),
  dy128 = r([128, 256], 5),
  w784 = r([784, 256], 6),
  w256 = r([256, 784], 7),
  b256 = r([256], 8);
const convX = r([64, 14, 14, 16], 9),
  convW = r([5, 5, 16, 32], 10),
  convDy = r([64, 14, 14, 32], 11);
const poolX = r([64, 28, 28, 16], 12),
  poolDy = r([64, 14, 14, 16], 13),
  poolY = tf.maxPool(poolX as tf.Tensor4D, 2, 2, 'valid');
const H = r([400, 400], 14),
  win = tf.tensor1d(
    Int32Array.from({ length: 256 }, (_, i) => (i * 37) % 400),
    'int32',
  );
const inputs = [x256, w400, h256, x128, dy128, w784, w256, b256, convX, convW, convDy, poolX, poolDy, poolY, H, win];
/** One kernel alone (the gradient kernels have no public op of their own). */
const kernel = (name: string, ins: Record<string, tf.Tensor>, attrs: object) =>
  tf.engine().runKernel(name, ins, attrs as never) as tf.Tensor;

const OPS: [string, string, Op][] = [
  ['BatchMatMul', 'SOM distances x·Wᵀ [256,784]·[400,784]ᵀ', () => tf.matMul(x256, w400, false, true)],
  ['BatchMatMul', 'SOM update hᵀ·x [256,400]ᵀ·[256,784]', () => tf.matMul(h256, x256, true, false)],
  ['BatchMatMul', 'MLP dW xᵀ·dy [128,784]ᵀ·[128,256]', () => tf.matMul(x128, dy128, true, false)],
  ['BatchMatMul', 'MLP dx dy·Wᵀ [128,256]·[784,256]ᵀ', () => tf.matMul(dy128, w784, false, true)],
  [
    '_FusedMatMul',
    '+bias+relu, transposeB [128,784]·[256,784]ᵀ',
    () => tf.fused.matMul({ a: x128, b: w256, transposeB: true, bias: b256, activation: 'relu' }),
  ],
  [
    'Conv2DBackpropFilter',
    'LeNet conv2 dW [64,14,14,16] 5×5→32 same',
    () =>
      kernel(
        'Conv2DBackpropFilter',
        { x: convX, dy: convDy },
        { strides: 1, pad: 'same', dataFormat: 'NHWC', filterShape: [5, 5, 16, 32] },
      ),
  ],
  [
    'Conv2DBackpropInput',
    'LeNet conv2 dx stride 1 same',
    () => tf.conv2dTranspose(convDy as tf.Tensor4D, convW as tf.Tensor4D, [64, 14, 14, 16], 1, 'same'),
  ],
  ['GatherV2', 'SOM neighbourhood rows [400,400] by 256', () => tf.gather(H, win)],
  [
    'MaxPoolGrad',
    'LeNet pool1 [64,28,28,16] 2×2',
    () =>
      kernel('MaxPoolGrad', { dy: poolDy, input: poolX, output: poolY }, { filterSize: 2, strides: 2, pad: 'valid' }),
  ],
];

function medianMs(op: Op): number | string {
  try {
    for (let i = 0; i < 2; i++)
      tf.tidy(() => {
        op().dataSync();
      });
    const t: number[] = [];
    for (let i = 0; i < reps; i++) {
      const s = performance.now();
      tf.tidy(() => {
        op().dataSync();
      });
      t.push(performance.now() - s);
    }
    return t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!;
  } catch (e) {
    return `throws: ${(e as Error).message.split('\n')[0]!.slice(0, 60)}`;
  }
}

async function main(): Promise<void> {
  const before = OPS.map(([, , op]) => medianMs(op));
  installWasmFixes();
  const after = OPS.map(([, , op]) => medianMs(op));
  const fmt = (v: number | string) => (typeof v === 'number' ? v.toFixed(2) : v);
  console.log(['kernel', 'shape', 'stock ms', 'fixed ms', 'speed-up'].join(' | '));
  OPS.forEach(([k, what], i) => {
    const b = before[i]!,
      a = after[i]!;
    console.log(
      [k, what, fmt(b), fmt(a), typeof b === 'number' && typeof a === 'number' ? `${(b / a).toFixed(1)}×` : '-'].join(
        ' | ',
      ),
    );
  });
  tf.dispose(inputs);
}

void main();
