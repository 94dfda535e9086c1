import { describe, expect, it } from 'vitest';
import type { SomSnapshot } from '../../../shared/run-types';
import { gridLayout } from '../../../shared/map/grid-geometry';
import { drawMap } from './draw-map';
import { modeLabel } from './draw-grid';

const grid = (layer: string): SomSnapshot => ({
  step: 3,
  layer,
  rows: 2,
  cols: 2,
  topology: 'rect',
  shape: [1],
  codebook: Float32Array.of(0.25, 0.75, 0.5, 0.5),
  hits: Float32Array.of(0.9, 0.9, 0.6, 0.6),
  umatrix: Float32Array.of(0.25, 0.75, 0.5, 0.5),
  classMap: Int32Array.of(0, 1, 0, 1),
});
/** A canvas context that takes every call and draws nothing: only the legend drawMap returns is looked at. */
const ctx = new Proxy({}, { get: () => () => undefined }) as unknown as CanvasRenderingContext2D;
const legendOf = (s: SomSnapshot, mode: 'hits' | 'umatrix') => drawMap(ctx, s, gridLayout(2, 2, 'rect', 40, 40), mode);

describe('mode captions and legends', () => {
  it('a SOM layer: "Hit map" with a winner-count legend, U-matrix as mean distance to neighbours', () => {
    const s = grid('som');
    expect(modeLabel(s, 'hits')).toBe('Hit map');
    expect(legendOf(s, 'hits')).toMatchObject({ kind: 'scale', label: 'winner count', lo: 0, hi: 1 });
    expect(legendOf(s, 'umatrix')).toMatchObject({ label: 'mean distance to neighbours' });
  });

  it("a soft-SOM boundary layer: its hits are the predicted class's probability, its umatrix P(class 1)", () => {
    const s = grid('boundary');
    expect(modeLabel(s, 'hits')).toBe('Confidence');
    expect(modeLabel(s, 'umatrix')).toBe('P(class 1)');
    expect(modeLabel(s, 'classes')).toBe('Predicted class');
    expect(legendOf(s, 'hits')).toMatchObject({ kind: 'scale', label: 'predicted class probability', lo: 0, hi: 1 });
    expect(legendOf(s, 'umatrix')).toMatchObject({ label: 'P(class 1)', lo: 0.25, hi: 0.75 });
  });

  it('no snapshot yet: the plain mode names', () => {
    expect(modeLabel(null, 'hits')).toBe('Hit map');
  });
});
