/**
 * Pieces every model builder shares: seeded initialisers, the dataset checks a kind makes before it builds,
 * and the dense head of the CNN variants.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import type { Dataset } from '../data/types';
import { FreshDropout } from '../layers/fresh-dropout';

/** Seeded initialisers: the spec's seed fixes every layer's starting weights. */
export const kernelInit = (init: 'glorot' | 'he', seed: number) =>
  init === 'he' ? tfl.initializers.heNormal({ seed }) : tfl.initializers.glorotUniform({ seed });

/** The number of classes, or an error naming the kind and the dataset when it has fewer than 2. */
export function requireLabels(data: Dataset, kind: string): number {
  if (data.classes.length < 2)
    throw new Error(
      `${kind} needs a labelled dataset with at least 2 classes; ${data.name} has ${data.classes.length}`,
    );
  return data.classes.length;
}

/** The image shape [h, w, c], or an error naming the kind and the shape the dataset has. */
export function requireImages(data: Dataset, kind: string): [number, number, number] {
  if (data.shape.length !== 3)
    throw new Error(
      `${kind} needs images (shape [h, w, c]); ${data.name} has samples of shape [${data.shape.join(', ')}]`,
    );
  return data.shape as [number, number, number];
}

/** Adds the dense head shared by every CNN variant: flatten → FC(dense) → [dropout] → FC(classes). */
export function addHead(
  model: tfl.Sequential,
  dense: number,
  nClasses: number,
  o: { dropout: number; init: 'glorot' | 'he'; seed: number },
): void {
  model.add(tfl.layers.flatten());
  model.add(tfl.layers.dense({ units: dense, activation: 'relu', kernelInitializer: kernelInit(o.init, o.seed + 50) }));
  if (o.dropout > 0) model.add(new FreshDropout({ rate: o.dropout, seed: o.seed + 51 }));
  model.add(tfl.layers.dense({ units: nClasses, kernelInitializer: kernelInit('glorot', o.seed + 52) }));
}
