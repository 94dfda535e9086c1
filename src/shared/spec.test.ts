import { describe, expect, it } from 'vitest';
import { parseSpec, ValidationError } from './validate';
import { PRESETS, findPreset } from './presets';
import { pickOption, TOPOLOGIES } from './options';

const colours = {
  kind: 'som',
  dataset: { source: 'builtin', name: 'colors' },
  som: { rows: 4, cols: 5, sigma: { start: 2, end: 0.5 } },
};

describe('ExperimentSpec', () => {
  it('fills defaults and keeps what was given', () => {
    const s = parseSpec(colours);
    expect(s.kind).toBe('som');
    if (s.kind !== 'som') throw new Error('narrowing');
    expect(s.som.topology).toBe('rect');
    expect(s.som.sigma.decay).toBe('exponential');
    expect(s.seed).toBe(0);
    expect(s.backend).toBe('auto');
  });

  it('round-trips through JSON unchanged', () => {
    const s = parseSpec(colours);
    expect(parseSpec(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it('names the field, the expectation and what arrived', () => {
    const bad = { ...colours, som: { ...colours.som, rows: 'four', topology: 'hexagon' } };
    let err: unknown;
    try {
      parseSpec(bad);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/som\.rows: .*expected number, received string/);
    expect(msg).toMatch(/som\.topology: .*"rect".*"torus".*received "hexagon"/);
    expect((err as ValidationError).issues.map((i) => i.path)).toEqual(['som.rows', 'som.topology']);
  });

  it('rejects an unknown kind listing the valid kinds', () => {
    expect(() => parseSpec({ kind: 'bogus' })).toThrow(/kind: .*'som'.*received "bogus"/);
  });

  it('refuses a ring with more than one row', () => {
    expect(() => parseSpec({ ...colours, som: { ...colours.som, topology: 'ring' } })).toThrow(
      /som\.rows: a chain or ring is one-dimensional/,
    );
  });

  it('refuses negative epochs and a missing dataset', () => {
    expect(() => parseSpec({ ...colours, epochs: -1 })).toThrow(/epochs: .*>=1.*|epochs: .*too small/i);
    const { dataset: _d, ...noData } = colours;
    expect(() => parseSpec(noData)).toThrow(/dataset: /);
  });
});

describe('presets', () => {
  it.each(PRESETS.map((p) => [p.name, p] as const))('%s is a valid spec', (_name, p) => {
    expect(() => parseSpec(p.spec)).not.toThrow();
  });
  it('every sweep variant of every preset is a valid spec', async () => {
    const { expandPreset } = await import('./sweep');
    for (const p of PRESETS)
      for (const v of expandPreset(p)) expect(() => parseSpec(v.spec, `${p.name}/${v.label}`)).not.toThrow();
  });
  it('preset names are unique and references name a variant that exists', () => {
    expect(new Set(PRESETS.map((p) => p.name)).size).toBe(PRESETS.length);
    for (const p of PRESETS) {
      const labels = p.variants?.map((v) => v.label) ?? [];
      for (const l of [...(p.reference?.order ?? []), ...(p.reference?.variant ? [p.reference.variant] : [])])
        expect(labels).toContain(l);
    }
  });
  it('unknown preset lists the known ones', () => {
    expect(() => findPreset('nope')).toThrow(/unknown preset "nope": expected one of .*"seed004-colors"/);
  });
});

describe('pickOption', () => {
  it('accepts a known name and lists valid ones for an unknown', () => {
    expect(pickOption('topology', TOPOLOGIES, 'hex')).toBe('hex');
    expect(() => pickOption('topology', TOPOLOGIES, 'cube')).toThrow(
      'unknown topology "cube": expected one of "rect", "hex", "chain", "ring", "torus"',
    );
  });
});

describe('api argument schemas', async () => {
  const { parseApiArgs } = await import('./api-schemas');
  it('accepts good arguments and names the bad one', () => {
    expect(parseApiArgs('runs:get', ['20261124-abc'])).toEqual(['20261124-abc']);
    expect(() => parseApiArgs('runs:get', ['../etc'])).toThrow(/arguments of runs:get: 0: /);
    expect(() => parseApiArgs('runs:snapshot', ['r1', -3])).toThrow(/arguments of runs:snapshot: 1: /);
    expect(() => parseApiArgs('nope' as 'runs:list', [])).toThrow(/unknown call "nope"/);
  });
});
