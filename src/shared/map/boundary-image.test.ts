import { describe, expect, it } from 'vitest';
import type { SomSnapshot } from '../run-types';
import { SCALES, classColour } from '../charts/colours';
import { boundaryClassColour, boundaryPixels } from './boundary-image';

const snap = (p1: number[], classMap: number[], hits: number[]): SomSnapshot => ({
  step: 0,
  layer: 'boundary',
  rows: 1,
  cols: p1.length,
  topology: 'rect',
  shape: [1],
  codebook: Float32Array.from(p1),
  hits: Float32Array.from(hits),
  umatrix: Float32Array.from(p1),
  classMap: Int32Array.from(classMap),
});
const rgb = (px: { data: Uint8ClampedArray }, i: number) => Array.from(px.data.slice(i * 4, i * 4 + 3));

describe('boundaryPixels', () => {
  it('two classes: P(class 1) through cividis, 0 and 1 the colours of the two classes’ points', () => {
    const px = boundaryPixels(snap([0, 1, 0.5], [0, 1, 1], [1, 1, 0.5]), 2);
    expect([px.width, px.height]).toEqual([3, 1]);
    expect(rgb(px, 0)).toEqual(boundaryClassColour(0, 2));
    expect(rgb(px, 1)).toEqual(boundaryClassColour(1, 2));
    expect(rgb(px, 2)).toEqual(SCALES.cividis(0.5));
  });

  it('three classes: the predicted class colour, white-ish at or below chance and half the colour when sure', () => {
    const px = boundaryPixels(snap([0, 0], [2, 2], [1, 0.2]), 3);
    const c = classColour(2);
    expect(rgb(px, 0)).toEqual(c.map((v) => Math.round(255 + (v - 255) * 0.5)));
    expect(rgb(px, 1)).toEqual(c.map((v) => Math.round(255 + (v - 255) * 0.2)));
    expect(boundaryClassColour(2, 3)).toEqual(c);
  });
});
