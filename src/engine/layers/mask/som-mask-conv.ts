/**
 * SomMaskConv (seed 000, "SOM+CNN"): a same-padded conv layer with N = rows×cols channels; the SOM sees the
 * whole input image and its mask [B, N] scales whole channels per sample.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { SomMaskBase, type SomMaskArgs } from './som-mask-base';

type Shape = (number | null)[];
export interface SomConvArgs extends SomMaskArgs {
  kernelSize?: number;
}

export abstract class SomConvBase extends SomMaskBase {
  protected kernel: ReturnType<tfl.layers.Layer['addWeight']> | null = null;
  protected bias: ReturnType<tfl.layers.Layer['addWeight']> | null = null;
  readonly kernelSize: number;
  protected inChannels = 0;
  protected imageSize = 0;

  constructor(args: SomConvArgs) {
    super(args);
    const k = args.kernelSize ?? 5;
    if (!Number.isInteger(k) || k < 1)
      throw new Error(
        `${(this.constructor as unknown as { className: string }).className}: ` +
          `kernelSize must be a whole number ≥ 1, received ${String(k)}`,
      );
    this.kernelSize = k;
  }

  protected buildConv(shape: Shape): void {
    if (shape.length !== 4)
      throw new Error(`${this.name}: expects images [batch, h, w, c], received a shape of rank ${shape.length}`);
    this.inChannels = shape[3]!;
    this.imageSize = shape[1]! * shape[2]! * shape[3]!;
    this.kernel = this.addWeight(
      'kernel',
      [this.kernelSize, this.kernelSize, this.inChannels, this.units],
      'float32',
      tfl.initializers.glorotUniform({ seed: this.maskArgs.seed }),
    );
    this.bias = this.addWeight('bias', [this.units], 'float32', tfl.initializers.zeros());
  }

  protected conv(x: tf.Tensor4D): tf.Tensor4D {
    return tf.add(tf.conv2d(x, this.kernel!.read() as tf.Tensor4D, 1, 'same'), this.bias!.read()) as tf.Tensor4D;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const s = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
    return [s[0] ?? null, s[1]!, s[2]!, this.units];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), kernelSize: this.kernelSize };
  }
}

export class SomMaskConv extends SomConvBase {
  static className = 'SomMaskConv';

  override build(inputShape: Shape | Shape[]): void {
    this.buildConv((Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape);
    this.buildGate(this.imageSize);
    this.built = true;
  }

  somInput(x: tf.Tensor): tf.Tensor2D {
    return tf.reshape(x, [x.shape[0]!, this.imageSize]) as tf.Tensor2D;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0]! : inputs) as tf.Tensor4D;
      const flat = this.somInput(x);
      const training = kwargs?.training === true;
      this.remember(flat, training);
      const m = this.somGate.mask(flat, true, undefined, training);
      return this.gated(this.conv(x), m ? tf.reshape(m, [x.shape[0], 1, 1, this.units]) : null);
    });
  }
}

tf.serialization.registerClass(SomMaskConv);
