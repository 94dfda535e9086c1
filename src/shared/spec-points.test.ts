import { describe, expect, it } from 'vitest';
import { parseSpec } from './validate';
import { datasetLabel } from './spec';
import { inlineSummary } from './spec-points';

const dataset = {
  source: 'inline',
  classes: 2,
  points: [
    [0, 0],
    [1, 1],
  ],
  labels: [0, 1],
};
const spec = (patch: object) => ({ kind: 'soft-som', dataset: { ...dataset, ...patch } });
const error = (patch: object): string => {
  try {
    parseSpec(spec(patch));
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
};
const many = (n: number, v: unknown) => Array.from({ length: n }, () => v);

describe('inline points dataset', () => {
  it('accepts a small labelled set and keeps it as given, with no default added', () => {
    const s = parseSpec(spec({ name: 'clicked' }));
    expect(s.dataset).toEqual({ ...dataset, name: 'clicked' });
    expect(datasetLabel(s.dataset)).toBe('clicked (2 points)');
  });

  it('refuses a point that is not 2 features, naming the point', () => {
    expect(
      error({
        points: [
          [0, 0, 1],
          [1, 1],
        ],
      }),
    ).toBe('experiment spec: dataset.points.0: expected a point [x₁, x₂] of 2 features (received an array of 3)');
    expect(error({ points: [[0], [1, 1]] })).toMatch(/dataset\.points\.0: expected a point \[x₁, x₂\]/);
  });

  it('refuses coordinates that are not finite numbers', () => {
    expect(
      error({
        points: [
          [0, Infinity],
          [1, 1],
        ],
      }),
    ).toMatch(/dataset\.points\.0\.1: .*expected number, received Inf/);
    expect(
      error({
        points: [
          [0, 0],
          [NaN, 1],
        ],
      }),
    ).toMatch(/dataset\.points\.1\.0: .*expected number, received NaN/);
    expect(
      error({
        points: [
          [0, '1'],
          [1, 1],
        ],
      }),
    ).toMatch(/dataset\.points\.0\.1: .*expected number, received string/);
  });

  it('refuses labels out of range of the class count, and a label count that differs', () => {
    expect(error({ labels: [0, 2] })).toBe(
      'experiment spec: dataset.labels.1: expected a class index below classes (2), received 2',
    );
    expect(error({ labels: [0, -1] })).toMatch(/dataset\.labels\.1: Too small: expected number to be >=0/);
    expect(error({ labels: [0] })).toBe(
      'experiment spec: dataset.labels: expected one label per point (2), received 1 labels',
    );
    expect(error({ classes: 1 })).toMatch(/dataset\.classes: Too small: expected number to be >=2/);
  });

  it('bounds the count: none and over 5000 are refused', () => {
    expect(error({ points: [], labels: [] })).toMatch(/dataset\.points: Too small: expected array to have >=1 items/);
    expect(error({ points: many(5001, [0, 0]), labels: many(5001, 0) })).toMatch(
      /dataset\.points: at most 5000 training points \(received an array of 5001\)/,
    );
  });

  it('checks the test split by the same rules, and wants both of its fields', () => {
    expect(error({ testPoints: [[0, 0]] })).toBe(
      'experiment spec: dataset.testLabels: expected testPoints and testLabels together, received only one of them',
    );
    expect(error({ testPoints: [[0, 0]], testLabels: [5] })).toBe(
      'experiment spec: dataset.testLabels.0: expected a class index below classes (2), received 5',
    );
    expect(error({ testPoints: [[0, 0]], testLabels: [1] })).toBe('accepted');
  });

  it('sums an inline set up in one line, counting a half-edited draft as it stands', () => {
    const testPoints = [[2, 2]];
    expect(inlineSummary({ ...dataset, name: 'spiral', testPoints })).toBe(
      'inline “spiral”: 2 points, 1 test, 2 classes',
    );
    expect(inlineSummary({ points: 'oops' })).toBe('inline: 0 points');
  });
});
