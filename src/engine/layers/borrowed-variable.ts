/**
 * A layer weight that IS an existing tf.Variable (the Som's codebook), so the layer's getWeights /
 * setWeights / save carry the codebook while `layer.som` keeps the full Som API (QE/TE, hits, views).
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

export class BorrowedVariable extends tfl.LayerVariable {
  constructor(private readonly v: tf.Variable, name: string) {
    // LayerVariable copies its value into a variable of its own; that copy is dropped at once.
    super(v, v.dtype, name, v.trainable);
    super.dispose();
  }

  override read(): tf.Variable {
    if (this.v.isDisposed) throw new Error(`weight ${this.name} is already disposed`);
    return this.v;
  }

  override write(newVal: tf.Tensor): this {
    if (newVal.shape.join(',') !== this.v.shape.join(',')) {
      throw new Error(`weight ${this.name} has shape [${this.v.shape.join(', ')}], received [${newVal.shape.join(', ')}]`);
    }
    if (newVal.id !== this.v.id) this.v.assign(newVal);
    return this;
  }

  /** Tolerates the owner having disposed the variable first (Som.dispose). */
  override dispose(): void {
    if (!this.v.isDisposed) this.v.dispose();
  }
}
