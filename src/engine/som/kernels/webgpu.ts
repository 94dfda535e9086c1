/**
 * The fused batch-SOM kernels on webgpu: three WGSL dispatches per step (wgsl.ts) — distances with the
 * argmin per neuron block, the winners, and the neighbourhood-weighted accumulation with the blend — where
 * the op-by-op step takes a dozen and holds a [B, N] matrix.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { SOM_STEP, SOM_SUMS, type SomStepAttrs } from './names';
import type { SomProgram } from './wgsl';
import { denProgram, updateProgram } from './wgsl-update';
import { partialsProgram, winnersProgram } from './wgsl-winners';

interface ProgramUniform {
  type: 'float32' | 'int32';
  data: number[];
}

interface WebGpuBackend {
  runWebGPUProgram(p: SomProgram, inputs: tf.TensorInfo[], dtype: tf.DataType, u?: ProgramUniform[]): tf.TensorInfo;
  disposeData(dataId: object): boolean;
}

interface Args {
  inputs: { x: tf.TensorInfo; w: tf.TensorInfo; h: tf.TensorInfo };
  backend: WebGpuBackend;
  attrs?: Partial<SomStepAttrs>;
}

/** Winners int32 [B] of the batch (the partials are freed). */
function winners({ inputs: { x, w }, backend }: Args): tf.TensorInfo {
  const [b] = x.shape as [number];
  const partials = backend.runWebGPUProgram(partialsProgram(b, w.shape[0]!), [x, w], 'float32');
  const win = backend.runWebGPUProgram(winnersProgram(b), [partials], 'int32');
  backend.disposeData(partials.dataId);
  return win;
}

function update(args: Args, mode: 'step' | 'sums', win: tf.TensorInfo): tf.TensorInfo {
  const { x, w, h } = args.inputs;
  const alpha = mode === 'step' ? (args.attrs?.alpha ?? 1) : 1;
  const program = updateProgram(w.shape[0]!, w.shape[1]!, mode);
  const inputs = mode === 'step' ? [x, w, h, win] : [x, h, win];
  return args.backend.runWebGPUProgram(program, inputs, 'float32', [{ type: 'float32', data: [alpha] }]);
}

function somStep(args: Args): tf.TensorInfo {
  const win = winners(args);
  const out = update(args, 'step', win);
  args.backend.disposeData(win.dataId);
  return out;
}

function somSums(args: Args): tf.TensorInfo[] {
  const win = winners(args);
  const num = update(args, 'sums', win);
  const den = args.backend.runWebGPUProgram(denProgram(args.inputs.w.shape[0]!), [args.inputs.h, win], 'float32');
  args.backend.disposeData(win.dataId);
  return [num, den];
}

export const webgpuKernels: tf.KernelConfig[] = [
  { kernelName: SOM_STEP, backendName: 'webgpu', kernelFunc: somStep as unknown as tf.KernelFunc },
  { kernelName: SOM_SUMS, backendName: 'webgpu', kernelFunc: somSums as unknown as tf.KernelFunc },
];
