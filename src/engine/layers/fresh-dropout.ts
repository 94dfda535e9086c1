/**
 * FreshDropout: dropout whose mask is new on every training call and still reproducible. tfjs-layers'
 * Dropout with a `seed` draws the same mask on every call (tf.randomUniform re-seeds each time), so a
 * seeded Dropout(0.5) silently trains a fixed half of the units and lets the untrained half add noise at
 * evaluation. Here call i of a training run uses seed subSeed(seed, i). `noiseShape` may hold null for
 * "the input's size on this axis" (1 on an axis shares one draw along it: 2-D dropout is [null, 1, 1, null]).
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { subSeed } from '../../shared/random';
import { oneTensor, singleShape, type LayerArgs } from './shapes';

export interface FreshDropoutArgs extends LayerArgs {
  /** Fraction of inputs dropped, 0 ≤ rate < 1. */
  rate: number;
  noiseShape?: (number | null)[];
  seed?: number;
}

export class FreshDropout extends tfl.layers.Layer {
  static className = 'FreshDropout';
  readonly rate: number;
  readonly noiseShape: (number | null)[] | undefined;
  readonly seed: number;
  private calls = 0;

  constructor(args: FreshDropoutArgs) {
    super(args);
    if (typeof args.rate !== 'number' || !(args.rate >= 0 && args.rate < 1))
      throw new Error(`FreshDropout: rate must be in [0, 1), received ${String(args.rate)}`);
    this.rate = args.rate;
    this.noiseShape = args.noiseShape;
    this.seed = args.seed ?? 0;
    this.supportsMasking = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    return singleShape('FreshDropout', inputShape);
  }

  /** The noise shape for an input of `shape`: nulls filled from it, rank checked. */
  private resolvedNoise(shape: number[]): number[] | undefined {
    if (!this.noiseShape) return undefined;
    const axes = this.noiseShape.length;
    if (axes !== shape.length)
      throw new Error(
        `FreshDropout: noiseShape has ${axes} axes but the input [${shape.join(', ')}] has ${shape.length}`,
      );
    return this.noiseShape.map((d, i) => d ?? shape[i]!);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const x = oneTensor('FreshDropout', inputs);
    if (kwargs?.training !== true || this.rate === 0) return tf.clone(x);
    const seed = subSeed(this.seed, this.calls++);
    return tf.dropout(x, this.rate, this.resolvedNoise(x.shape), seed);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      rate: this.rate,
      seed: this.seed,
      ...(this.noiseShape ? { noiseShape: this.noiseShape } : {}),
      ...super.getConfig(),
    };
  }
}

tf.serialization.registerClass(FreshDropout);
