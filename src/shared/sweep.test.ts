import { describe, expect, it } from 'vitest';
import { deepMerge, expandPreset } from './sweep';

describe('sweeps', () => {
  it('deep-merges objects and replaces arrays', () => {
    expect(deepMerge({ a: 1, m: { s: 5, t: 0 }, h: [1, 2] }, { m: { s: 'inf' }, h: [3] })).toEqual({
      a: 1,
      m: { s: 'inf', t: 0 },
      h: [3],
    });
  });

  it('expands variants with their labels and the preset name', () => {
    const v = expandPreset({
      name: 'p',
      title: 't',
      reproduces: 'r',
      spec: { kind: 'som-mask-mlp', dataset: { source: 'builtin', name: 'mnist' }, mask: { sigmaFwd: 5 } },
      variants: [
        { label: 'σ=∞', patch: { mask: { sigmaFwd: 'inf' } } },
        { label: 'σ=5', patch: {} },
      ],
    });
    expect(v.map((x) => x.label)).toEqual(['σ=∞', 'σ=5']);
    expect(v[0]!.spec).toMatchObject({ preset: 'p', name: 'p / σ=∞', mask: { sigmaFwd: 'inf' } });
    expect(v[1]!.spec).toMatchObject({ mask: { sigmaFwd: 5 } });
  });

  it('a single preset is one variant', () => {
    expect(expandPreset({ name: 'one', title: '', reproduces: '', spec: { kind: 'som' } as never })).toHaveLength(1);
  });
});
