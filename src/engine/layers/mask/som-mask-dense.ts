/**
 * SomMaskDense (seed 000, "SOM+FC"): y_j = m_j · (Σ_i x_i W_ij + b_j), m from the SOM of the layer input
 * (mask before or after the ReLU). The SOM (codebook [N, D_in]) clusters the inputs, then gates the units.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { SomMaskBase, type SomMaskArgs } from './som-mask-base';

type Shape = (number | null)[];

export class SomMaskDense extends SomMaskBase {
  static className = 'SomMaskDense';
  private kernel: ReturnType<tfl.layers.Layer['addWeight']> | null = null;
  private bias: ReturnType<tfl.layers.Layer['addWeight']> | null = null;
  private inputDim = 0;

  constructor(args: SomMaskArgs) {
    super(args);
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
    this.inputDim = shape.slice(1).reduce<number>((a, b) => a * (b ?? 1), 1);
    this.kernel = this.addWeight(
      'kernel',
      [this.inputDim, this.units],
      'float32',
      tfl.initializers.glorotUniform({ seed: this.maskArgs.seed }),
    );
    this.bias = this.addWeight('bias', [this.units], 'float32', tfl.initializers.zeros());
    this.buildGate(this.inputDim);
    this.built = true;
  }

  somInput(x: tf.Tensor): tf.Tensor2D {
    return tf.reshape(x, [x.shape[0]!, this.inputDim]) as tf.Tensor2D;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    return tf.tidy(() => {
      const flat = this.somInput(Array.isArray(inputs) ? inputs[0]! : inputs);
      const z = tf.add(tf.matMul(flat, this.kernel!.read()), this.bias!.read());
      const training = kwargs?.training === true;
      this.remember(flat, training);
      return this.gated(z, this.somGate.mask(flat, true, undefined, training));
    });
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
    return [shape[0] ?? null, this.units];
  }
}

tf.serialization.registerClass(SomMaskDense);
