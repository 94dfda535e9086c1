/**
 * tfjs's Adam with the update of each variable as one fused kernel where the backend has it (cpu, wasm:
 * adam-kernels.ts); elsewhere (webgpu, tfjs-node) it is tfjs's own AdamOptimizer unchanged. Same state (the
 * moments as variables, the iteration count), so getWeights/setWeights and the class name are tfjs's.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ADAM_STEP, registerAdamKernels, type AdamAttrs } from './adam-kernels';

registerAdamKernels();

interface Slot {
  originalName: string;
  variable: tf.Variable;
}
/** The AdamOptimizer fields this subclass reads and keeps up to date (private in tfjs's typings). */
interface AdamState {
  accumulatedFirstMoment: Slot[];
  accumulatedSecondMoment: Slot[];
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  iterations_: number;
}

export class FusedAdam extends tf.AdamOptimizer {
  /** Steps taken by the fused path since tfjs's β-power variables were last right. */
  private stale = 0;

  constructor(learningRate: number, beta1 = 0.9, beta2 = 0.999, epsilon?: number) {
    super(learningRate, beta1, beta2, epsilon);
  }

  override applyGradients(grads: Parameters<tf.AdamOptimizer['applyGradients']>[0]): void {
    const state = this as unknown as AdamState;
    if (!tf.getKernel(ADAM_STEP, tf.getBackend())) {
      if (this.stale > 0) this.syncBetaPowers(state);
      super.applyGradients(grads);
      return;
    }
    const named = Array.isArray(grads) ? grads : Object.entries(grads).map(([name, tensor]) => ({ name, tensor }));
    const t = this.iterations + 1;
    const attrs: AdamAttrs = {
      lr: this.learningRate,
      beta1: this.beta1,
      beta2: this.beta2,
      epsilon: this.epsilon,
      c1: 1 - this.beta1 ** t,
      c2: 1 - this.beta2 ** t,
    };
    named.forEach(({ name, tensor }, i) => {
      const value = tf.engine().registeredVariables[name]!;
      const m = (state.accumulatedFirstMoment[i] ??= this.slot(`${name}/m`, value)).variable;
      const v = (state.accumulatedSecondMoment[i] ??= this.slot(`${name}/v`, value)).variable;
      if (!tensor) return;
      const outs = tf.engine().runKernel(ADAM_STEP, { value, m, v, grad: tensor }, { ...attrs }) as tf.Tensor[];
      value.assign(outs[0]!);
      m.assign(outs[1]!);
      v.assign(outs[2]!);
      tf.dispose(outs);
    });
    this.stale++;
    this.incrementIterations();
  }

  private slot(originalName: string, value: tf.Variable): Slot {
    return { originalName, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
  }

  /** β1^(t+1) and β2^(t+1) into tfjs's variables (as its setWeights does) before its own path runs. */
  private syncBetaPowers(state: AdamState): void {
    tf.tidy(() => {
      state.accBeta1.assign(tf.scalar(this.beta1 ** (this.iterations + 1)));
      state.accBeta2.assign(tf.scalar(this.beta2 ** (this.iterations + 1)));
    });
    this.stale = 0;
  }
}
