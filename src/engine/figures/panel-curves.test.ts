import { describe, expect, it } from 'vitest';
import type { RunDetail } from '../../shared/api';
import { runNames } from './panel-curves';

const run = (id: string, spec: object, name?: string): RunDetail =>
  ({ summary: { id, kind: 'som-mask-cnn', name }, spec, metrics: [], snapshotSteps: [] }) as unknown as RunDetail;

describe('overlaid runs in a curve figure', () => {
  it('are named by the spec fields they differ in, so a legend tells them apart', () => {
    expect(runNames([run('a', { mask: { threshold: 0 } }), run('b', { mask: { threshold: 0.9 } })])).toEqual([
      'mask.threshold=0',
      'mask.threshold=0.9',
    ]);
  });
  it('fall back to their names, and to the id tail where even those are the same', () => {
    expect(runNames([run('r-1111', { a: 1 }, 'x'), run('r-2222', { a: 1 }, 'y')])).toEqual(['x', 'y']);
    expect(runNames([run('r-1111', { a: 1 }), run('r-2222', { a: 1 })])).toEqual([
      'som-mask-cnn 1111',
      'som-mask-cnn 2222',
    ]);
  });
});
