import { describe, expect, it } from 'vitest';
import { PRESETS } from './presets';
import { deepMerge, expandPreset, expandSweep, presetSweep, setPath, sweepId, variantAt, variantCount } from './sweep';
import { parseSweepSpec } from './sweep-spec';
import { checkSweep } from './sweep-validate';

const colours = {
  kind: 'som',
  dataset: { source: 'builtin', name: 'colors' },
  som: { rows: 4, cols: 4, sigma: { start: 2, end: 0.5 } },
};

describe('sweep expansion', () => {
  it('deep-merges objects and replaces arrays', () => {
    expect(deepMerge({ a: 1, m: { s: 5, t: 0 }, h: [1, 2] }, { m: { s: 'inf' }, h: [3] })).toEqual({
      a: 1,
      m: { s: 'inf', t: 0 },
      h: [3],
    });
  });

  it('sets dotted paths, making arrays for numeric keys, without touching the original', () => {
    const base = { som: { rows: 4 } };
    expect(setPath(base, 'som.rows', 9)).toEqual({ som: { rows: 9 } });
    expect(setPath(base, 'hidden.1.rows', 3)).toEqual({ som: { rows: 4 }, hidden: [undefined, { rows: 3 }] });
    expect(base).toEqual({ som: { rows: 4 } });
  });

  it('grids combine in order, the last axis fastest, with field=value labels', () => {
    const s = parseSweepSpec({
      name: 'g',
      base: colours,
      axes: [
        { path: 'som.rows', values: [4, 6] },
        { path: 'seed', values: [0, 1, 2], labels: ['s0', 's1', 's2'] },
      ],
    });
    const v = expandSweep(s);
    expect(v.map((x) => [x.index, x.label])).toEqual([
      [0, 'rows=4, s0'],
      [1, 'rows=4, s1'],
      [2, 'rows=4, s2'],
      [3, 'rows=6, s0'],
      [4, 'rows=6, s1'],
      [5, 'rows=6, s2'],
    ]);
    expect(v[4]!.spec).toMatchObject({ seed: 1, som: { rows: 6, cols: 4 }, name: 'g / rows=6, s1' });
    expect(v[4]!.params).toEqual({ 'som.rows': 6, seed: 1 });
  });

  it('random draws are seeded, within bounds, the same from variantAt as from the whole expansion', () => {
    const sweep = (seed: number) =>
      parseSweepSpec({
        name: 'r',
        base: colours,
        axes: [
          { path: 'som.sigma.start', draw: 'log-uniform', min: 0.5, max: 8 },
          { path: 'som.rows', draw: 'int', min: 2, max: 4 },
          { path: 'seed', values: [0, 1] },
        ],
        random: { count: 50, seed },
      });
    const a = expandSweep(sweep(7));
    expect(a).toHaveLength(100);
    expect(variantAt(sweep(7), 63)).toEqual(a[63]);
    expect(expandSweep(sweep(8)).map((v) => v.params['som.sigma.start'])).not.toEqual(
      a.map((v) => v.params['som.sigma.start']),
    );
    const sig = a.map((v) => v.params['som.sigma.start'] as number);
    const rows = new Set(a.map((v) => v.params['som.rows']));
    expect(Math.min(...sig)).toBeGreaterThanOrEqual(0.5);
    expect(Math.max(...sig)).toBeLessThanOrEqual(8);
    expect([...rows].sort()).toEqual([2, 3, 4]); // 100 draws hit every whole number, inclusive bounds
    // Seed is the outer axis: variants 0 and 50 share draw 0.
    expect(a[50]!.params['som.sigma.start']).toBe(a[0]!.params['som.sigma.start']);
  });

  it('refuses an index outside the sweep', () => {
    const s = parseSweepSpec({ name: 'g', base: colours, axes: [{ path: 'seed', values: [0, 1] }] });
    expect(variantCount(s)).toBe(2);
    expect(() => variantAt(s, 2)).toThrow('variant index 2 is outside sweep "g": expected 0 to 1');
  });

  it('a preset is a sweep with one cases axis, with the labels it had', () => {
    for (const p of PRESETS) {
      const { variants } = checkSweep(presetSweep(p), p.name);
      expect(variants.map((v) => v.label)).toEqual(expandPreset(p).map((v) => v.label));
      if (p.variants) expect(variants.map((v) => v.label)).toEqual(p.variants.map((v) => v.label));
    }
    const one = expandPreset({ name: 'one', title: '', reproduces: '', spec: colours as never });
    expect(one).toEqual([{ index: 0, label: 'one', params: {}, spec: { ...colours, preset: 'one' } }]);
  });

  it('ids depend on content, not on key order', () => {
    const a = parseSweepSpec({ name: 'My sweep!', base: colours, axes: [{ path: 'seed', values: [0, 1] }] });
    const b = parseSweepSpec({ axes: [{ values: [0, 1], path: 'seed' }], base: { ...colours }, name: 'My sweep!' });
    const c = parseSweepSpec({ name: 'My sweep!', base: colours, axes: [{ path: 'seed', values: [0, 2] }] });
    expect(sweepId(a)).toMatch(/^my-sweep-[0-9a-f]{8}$/);
    expect(sweepId(b)).toBe(sweepId(a));
    expect(sweepId(c)).not.toBe(sweepId(a));
  });
});

describe('sweep validation', () => {
  const bad =
    (axes: unknown[], extra: Record<string, unknown> = {}) =>
    () =>
      checkSweep({ name: 'b', base: colours, axes, ...extra }, 'sweep file b.json');

  it('names the axis, the field, what was expected and what arrived', () => {
    expect(bad([{ path: 'som.rows', values: [4, 'six'] }])).toThrow(
      'sweep file b.json: variant 1, axis 1 (som.rows = "six"): som.rows: Invalid input: expected number, received',
    );
    expect(bad([{ path: 'som.rowz', values: [4] }])).toThrow(
      'som.rowz: axis som.rowz: not a field of a som spec (received a value for it)',
    );
    expect(bad([{ path: 'som..rows', values: [4] }])).toThrow(
      'sweep file b.json: axis 1 (som..rows): path: expected a dotted',
    );
    expect(bad([{ path: 'seed', value: [1] }])).toThrow(
      'axis 1 (seed): (root): expected exactly one of "values" (grid), "draw" (random), "cases" (cases), received path',
    );
    expect(bad([{ path: 'seed', draw: 'uniform', min: 0, max: 1 }])).toThrow(
      'random: axis seed draws at random: expected random {count, seed}, received nothing',
    );
    expect(bad([{ path: 'som.rows', draw: 'int', min: 5, max: 2 }], { random: { count: 2 } })).toThrow(
      'axis 1 (som.rows): max: expected min < max',
    );
  });

  it('blames the base spec when no axis set the bad field', () => {
    expect(() => checkSweep({ name: 'b', base: { ...colours, epochs: 0 }, axes: [] })).toThrow(
      'variant 0, the base spec: epochs: Too small',
    );
  });
});
