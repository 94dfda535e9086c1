/** Input plumbing shared by the layers: one tensor / one shape in, errors that name the layer. */
import type * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

export type Shape = (number | null)[];

/** tfjs-layers' LayerArgs (not exported by name from the package root). */
export type LayerArgs = NonNullable<ConstructorParameters<typeof tfl.layers.Layer>[0]>;

export function oneTensor(owner: string, inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
  if (!Array.isArray(inputs)) return inputs;
  if (inputs.length !== 1) throw new Error(`${owner} takes one input tensor, received ${inputs.length}`);
  return inputs[0]!;
}

export function singleShape(owner: string, s: tfl.Shape | tfl.Shape[]): Shape {
  if (s.length > 0 && Array.isArray(s[0])) {
    if (s.length !== 1) throw new Error(`${owner} takes one input, received ${s.length} input shapes`);
    return s[0] as Shape;
  }
  return s as Shape;
}

export function positiveInt(owner: string, arg: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    throw new Error(`${owner}: ${arg} must be an integer ≥ 1, received ${String(v)}`);
  return v;
}
