import { describe, expect, it } from 'vitest';
import type { SomSnapshot } from '../../../shared/run-types';
import { modesFor } from './draw-grid';

const base: SomSnapshot = {
  step: 0,
  layer: 'dense1',
  rows: 2,
  cols: 2,
  topology: 'rect',
  shape: [2],
  codebook: new Float32Array(8),
  hits: new Float32Array(4),
  umatrix: new Float32Array(4),
};
const firing = { firing: new Float32Array(4), firingByClass: new Float32Array(8) };

describe('grid views a snapshot offers', () => {
  it('a mask layer: U-matrix, hits, class map and both firing views', () => {
    expect(modesFor({ ...base, classMap: new Int32Array(4), ...firing })).toEqual([
      'umatrix',
      'hits',
      'classes',
      'firing',
      'classFiring',
    ]);
  });
  it('a kWTA code laid on a grid: no U-matrix (its neighbours mean nothing), hits and firing', () => {
    expect(modesFor({ ...base, layer: 'code', codeLayout: true, ...firing })).toEqual([
      'hits',
      'firing',
      'classFiring',
    ]);
  });
});
