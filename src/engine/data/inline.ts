/** The spec's inline 2-D points (the playground's sets) as a Dataset; the schema has checked them already. */
import type { InlinePoints } from '../../shared/spec-points';
import type { Dataset, Split } from './types';

function split(points: readonly (readonly [number, number])[], labels: readonly number[]): Split {
  return { x: Float32Array.from(points.flat()), y: Int32Array.from(labels), count: points.length };
}

export function loadInline(ref: InlinePoints): Dataset {
  const name = ref.name ?? 'points';
  const test = ref.testPoints && ref.testLabels?.length ? split(ref.testPoints, ref.testLabels) : undefined;
  return {
    name,
    format: 'inline',
    source: `inline:${name}`,
    shape: [2],
    classes: Array.from({ length: ref.classes }, (_, k) => String.fromCharCode(65 + k)),
    train: split(ref.points, ref.labels),
    test,
    // Said once here so the run log explains why the accuracy is the training one.
    warnings: test ? [] : ['no test points: accuracy is measured on the training points'],
  };
}
