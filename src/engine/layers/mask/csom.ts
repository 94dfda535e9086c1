/**
 * Csom (seed 000, "convolutional SOM"): the SOM sees the k×k grey patch at every position, so the mask is per
 * position and channel [B, H, W, N]. Patches come from a conv with an identity kernel (exact, one op). The
 * Kohonen step trains on a seeded random subset of the batch's patches to keep it cheap.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '../../../shared/random';
import { constantOf } from '../detach';
import { currentReducer, currentShare } from '../../parallel/reduce';
import { SomConvBase } from './som-mask-conv';

type Shape = (number | null)[];
const TRAIN_PATCHES = 2048;

export class Csom extends SomConvBase {
  static className = 'Csom';
  private eye: tf.Tensor4D | null = null;
  private readonly rand = mulberry32(this.maskArgs.seed + 99);

  override build(inputShape: Shape | Shape[]): void {
    this.buildConv((Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape);
    const k = this.kernelSize,
      d = k * k * this.inChannels;
    // eye[dy, dx, c, (dy·k + dx)·C + c] = 1: conv with it copies each patch into the channel axis.
    const eye = new Float32Array(d * d);
    for (let i = 0; i < d; i++) eye[i * d + i] = 1;
    this.eye = tf.keep(tf.tensor4d(eye, [k, k, this.inChannels, d]));
    this.buildGate(d);
    this.built = true;
  }

  /** Every position's patch as a row: [B·H·W, k·k·C]. */
  somInput(x: tf.Tensor): tf.Tensor2D {
    const patches = tf.conv2d(x as tf.Tensor4D, this.eye!, 1, 'same');
    return tf.reshape(patches, [-1, patches.shape[3]]) as tf.Tensor2D;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0]! : inputs) as tf.Tensor4D;
      const training = kwargs?.training === true;
      // Patches are cut inside constant ops: backprop never runs the (k·k·C)-channel identity conv.
      if (training && this.learns)
        this.remember(
          constantOf(x, (v) => this.subset(this.somInput(v), x.shape[1]! * x.shape[2]!)),
          true,
        );
      const m = this.somGate.mask(x, true, (v) => this.somInput(v), training);
      const [b, h, w] = x.shape;
      return this.gated(this.conv(x), m ? tf.reshape(m, [b, h, w, this.units]) : null);
    });
  }

  /**
   * The patches the SOM trains on. Drawn over the whole batch's patches: under data-parallel training each
   * thread keeps the draws that fall in its share (hw patches per image), so together they train on the
   * one-thread subset.
   */
  private subset(rows: tf.Tensor2D, hw: number): tf.Tensor2D {
    const { start, total } = currentReducer().size === 1 ? { start: 0, total: rows.shape[0] / hw } : currentShare();
    const n = total * hw,
      from = start * hw,
      to = from + rows.shape[0];
    if (n <= TRAIN_PATCHES) return rows;
    const all = Array.from({ length: TRAIN_PATCHES }, () => Math.floor(this.rand() * n));
    const idx = Int32Array.from(all.filter((i) => i >= from && i < to).map((i) => i - from));
    return tf.gather(rows, tf.tensor1d(idx, 'int32')) as tf.Tensor2D;
  }

  override dispose(): ReturnType<SomConvBase['dispose']> {
    this.eye?.dispose();
    return super.dispose();
  }
}

tf.serialization.registerClass(Csom);
