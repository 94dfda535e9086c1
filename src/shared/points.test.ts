import { describe, expect, it } from 'vitest';
import { generatePoints, nearestPoint, POINT_SETS, type PointSet } from './points';

const gen = (set: PointSet, count: number, classes: number, noise = 0, seed = 3) =>
  generatePoints(set, { count, classes, noise, seed });
const radius = ([x, y]: [number, number]) => Math.hypot(x, y);
const perClass = (labels: number[], classes: number) =>
  Array.from({ length: classes }, (_, k) => labels.filter((l) => l === k).length);

describe('generatePoints', () => {
  it.each(POINT_SETS)('%s: the asked count, classes balanced within one point', (set) => {
    const p = gen(set, 101, 2, 0.1);
    expect(p.points).toHaveLength(101);
    expect(p.labels).toHaveLength(101);
    expect(perClass(p.labels, 2)).toEqual([51, 50]);
    expect(p.points.flat().every(Number.isFinite)).toBe(true);
  });

  it('three spiral arms and three rings: 30 points give 10 per class', () => {
    expect(perClass(gen('spiral', 30, 3).labels, 3)).toEqual([10, 10, 10]);
    expect(perClass(gen('circles', 30, 3).labels, 3)).toEqual([10, 10, 10]);
  });

  it('spiral without noise: every radius in [0.1, 0.95]; noise n keeps coordinates within 0.95 + n', () => {
    expect(gen('spiral', 400, 2).points.every((q) => radius(q) >= 0.1 - 1e-9 && radius(q) <= 0.95 + 1e-9)).toBe(true);
    const noisy = gen('spiral', 400, 3, 0.2).points.flat();
    expect(Math.max(...noisy.map(Math.abs))).toBeLessThanOrEqual(0.95 + 0.2);
  });

  it('circles without noise: ring k of 3 has radius 0.3, 0.6, 0.9 exactly', () => {
    const p = gen('circles', 60, 3);
    p.points.forEach((q, i) => expect(radius(q)).toBeCloseTo([0.3, 0.6, 0.9][p.labels[i]!]!, 9));
  });

  it("moons without noise: on scikit-learn's unit half circles, inside [-0.9, 0.9] × [-0.45, 0.45]", () => {
    const p = gen('moons', 200, 2);
    p.points.forEach(([x, y], i) => {
      const X = x / 0.6 + 0.5,
        Y = y / 0.6 + 0.25;
      if (p.labels[i] === 0) {
        expect(Math.hypot(X, Y)).toBeCloseTo(1, 9);
        expect(Y).toBeGreaterThanOrEqual(-1e-9); // upper half
      } else {
        expect(Math.hypot(1 - X, 0.5 - Y)).toBeCloseTo(1, 9);
        expect(Y).toBeLessThanOrEqual(0.5 + 1e-9); // lower half, shifted
      }
      expect(Math.abs(x)).toBeLessThanOrEqual(0.9 + 1e-9);
      expect(Math.abs(y)).toBeLessThanOrEqual(0.45 + 1e-9);
    });
  });

  it('the same seed gives the same set, another seed another', () => {
    expect(gen('moons', 20, 2, 0.1, 5)).toEqual(gen('moons', 20, 2, 0.1, 5));
    expect(gen('moons', 20, 2, 0.1, 6).points).not.toEqual(gen('moons', 20, 2, 0.1, 5).points);
  });

  it('refuses what it cannot draw, naming the field, the range and the value', () => {
    expect(() => gen('moons', 20, 3)).toThrow('moons classes must be an integer in [2, 2], received 3');
    expect(() => gen('spiral', 1, 2)).toThrow('count must be an integer in [2, 2000], received 1');
    expect(() => gen('circles', 20, 2, -0.1)).toThrow('noise must be a number in [0, 0.5], received -0.1');
    expect(() => gen('blobs' as PointSet, 20, 2)).toThrow('unknown point set "blobs": expected one of "spiral"');
  });
});

describe('nearestPoint', () => {
  const pts: [number, number][] = [
    [0, 0],
    [0.5, 0.5],
    [-0.5, 0.1],
  ];
  it('finds the nearest point within the radius, or -1 when none is that close', () => {
    expect(nearestPoint(pts, 0.45, 0.45, 0.1)).toBe(1);
    expect(nearestPoint(pts, -0.45, 0.1, 0.1)).toBe(2);
    expect(nearestPoint(pts, 0.25, 0.25, 0.1)).toBe(-1);
    expect(nearestPoint([], 0, 0, 1)).toBe(-1);
  });
});
