import { describe, expect, it } from 'vitest';
import { diffName, flatten, specDiff } from './spec-diff';

describe('spec diff', () => {
  it('flattens nested objects and arrays into dotted fields', () => {
    expect([...flatten({ a: 1, b: { c: 'x', d: [true, { e: null }] }, f: [] })]).toEqual([
      ['a', 1],
      ['b.c', 'x'],
      ['b.d.0', true],
      ['b.d.1.e', null],
      ['f', '[]'],
    ]);
  });

  it('keeps only the fields that differ, one value per run, missing fields as undefined', () => {
    const a = { kind: 'cnn', seed: 1, mask: { sigmaFwd: 3, threshold: 0 } };
    const b = { kind: 'cnn', seed: 1, mask: { sigmaFwd: 'inf', threshold: 0 } };
    const c = { kind: 'cnn', seed: 2, mask: { sigmaFwd: 3 } };
    expect(specDiff([a, b, c])).toEqual([
      { field: 'seed', values: [1, 1, 2] },
      { field: 'mask.sigmaFwd', values: [3, 'inf', 3] },
      { field: 'mask.threshold', values: [0, 0, undefined] },
    ]);
    expect(specDiff([a, a])).toEqual([]);
  });

  it('names runs by their differing values, never by name or preset', () => {
    const rows = specDiff([
      { name: 'x', mask: { threshold: 0 } },
      { name: 'y', mask: { threshold: 0.9 } },
    ]);
    expect(diffName(rows, 0)).toBe('mask.threshold=0');
    expect(diffName(rows, 1)).toBe('mask.threshold=0.9');
    expect(
      diffName(
        specDiff([
          { a: 1, b: 1, c: 1 },
          { a: 2, b: 2, c: 2 },
        ]),
        1,
      ),
    ).toBe('a=2, b=2 …');
  });
});
