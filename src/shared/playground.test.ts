import { describe, expect, it } from 'vitest';
import { parseSpec } from './validate';
import { generatePoints } from './points';
import { playgroundSpec } from './playground';

describe('playgroundSpec', () => {
  const train = generatePoints('moons', { count: 100, classes: 2, noise: 0.05, seed: 1 });
  const test = generatePoints('moons', { count: 40, classes: 2, noise: 0.05, seed: 2 });
  const setup = {
    name: 'moons',
    classes: 2,
    train,
    variant: 'som-interposed' as const,
    epochs: 30,
    learningRate: 0.02,
    seed: 4,
  };

  it('is a valid soft-som spec carrying the points inline, about 60 frames over the run', () => {
    const s = parseSpec(playgroundSpec({ ...setup, test }) as object);
    if (s.kind !== 'soft-som' || s.dataset.source !== 'inline') throw new Error(s.kind);
    expect(s.name).toBe('playground · moons · interposed soft SOM');
    expect(s.softSom.variant).toBe('som-interposed');
    expect([s.dataset.points.length, s.dataset.testPoints?.length, s.dataset.classes]).toEqual([100, 40, 2]);
    expect(s.batchSize).toBe(32);
    // ceil(100 / 32) = 4 steps an epoch, 120 steps: a frame every 2.
    expect(s.snapshotEvery).toBe(2);
  });

  it('without test points the spec has no test fields; a handful of points is one batch', () => {
    const few = { points: train.points.slice(0, 5), labels: train.labels.slice(0, 5) };
    const s = parseSpec(playgroundSpec({ ...setup, train: few, epochs: 3 }) as object);
    if (s.dataset.source !== 'inline') throw new Error(s.dataset.source);
    expect('testPoints' in s.dataset).toBe(false);
    expect([s.batchSize, s.snapshotEvery]).toEqual([5, 1]);
  });
});
