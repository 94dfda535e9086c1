import { describe, expect, it } from 'vitest';
import type { RunDetail } from '../../../shared/api';
import { buildScene, nearestStep } from './scene';

const detail = (id: string, threshold: number, steps: number[], layers: string[]): RunDetail =>
  ({
    summary: { id, kind: 'som-mask-cnn', status: 'finished', startedAt: '', versions: {}, finalMetrics: {} },
    spec: { kind: 'som-mask-cnn', seed: 1, mask: { threshold } },
    metrics: [],
    snapshotSteps: steps,
    snapshotLayers: layers,
  }) as unknown as RunDetail;

describe('compare scene', () => {
  it('letters runs in the order chosen and names them by the fields that differ', () => {
    const d = new Map([
      ['r1', detail('r1', 0, [0, 9, 19], ['conv1', 'conv2'])],
      ['r2', detail('r2', 0.9, [0, 4, 19], ['conv1'])],
    ]);
    const s = buildScene(['r2', 'r1', 'missing'], d);
    expect(s.runs.map((r) => r.label)).toEqual(['A · mask.threshold=0.9', 'B · mask.threshold=0']);
    expect(s.diff).toEqual([{ field: 'mask.threshold', values: [0.9, 0] }]);
    expect(s.steps).toEqual([0, 4, 9, 19]);
    expect(s.layers).toEqual(['conv1', 'conv2']);
  });

  it('finds the nearest saved step, the earlier on a tie', () => {
    expect(nearestStep([0, 10, 20], 14)).toBe(10);
    expect(nearestStep([0, 10, 20], 15)).toBe(10);
    expect(nearestStep([0, 10, 20], 16)).toBe(20);
    expect(nearestStep([0, 10, 20], 99)).toBe(20);
    expect(nearestStep([], 3)).toBeUndefined();
  });
});
