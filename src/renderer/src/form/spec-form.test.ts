// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ExperimentSpecSchema } from '../../../shared/spec';
import {
  KINDS,
  boundsText,
  formGroups,
  getAt,
  parseInput,
  setAt,
  specIssues,
  starterSpec,
  switchKind,
} from './spec-form';

describe('form generated from the spec schema', () => {
  it('lists every kind of the union', () => {
    expect(KINDS).toEqual(ExperimentSpecSchema.options.map((o) => o.shape.kind.value));
    expect(KINDS).toContain('som');
  });

  it('gives the som kind its run fields and the nested SOM groups with bounds, choices and defaults', () => {
    const groups = formGroups('som');
    expect(groups.map((g) => g.path)).toEqual(['', 'som', 'som.sigma', 'som.learningRate']);
    const fields = new Map(groups.flatMap((g) => g.fields).map((f) => [f.path, f]));
    expect(fields.has('kind') || fields.has('dataset') || fields.has('preset')).toBe(false);
    expect(fields.get('som.rows')).toMatchObject({ widget: 'number', min: 1, max: 256, int: true });
    expect(fields.get('som.topology')).toMatchObject({
      widget: 'enum',
      options: ['rect', 'hex', 'chain', 'ring', 'torus'],
      default: 'rect',
    });
    expect(fields.get('epochs')).toMatchObject({ default: 1, min: 1 });
    expect(fields.get('backend')!.options).toContain('auto');
    // learningRate's fields have no defaults of their own: they come from the object's default.
    expect(fields.get('som.learningRate.start')).toMatchObject({ default: 0.5, optional: true });
    expect(boundsText(fields.get('som.sigma.start')!)).toBe('> 0');
    expect(boundsText(fields.get('som.rows')!)).toBe('integer 1…256');
  });

  it('builds widgets for lists of grids, number-or-word and booleans', () => {
    const f = new Map(
      formGroups('som-mask-mlp')
        .flatMap((g) => g.fields)
        .map((x) => [x.path, x]),
    );
    expect(f.get('hidden')).toMatchObject({ widget: 'objects' });
    expect(f.get('hidden')!.item!.map((i) => [i.key, i.widget])).toEqual([
      ['rows', 'number'],
      ['cols', 'number'],
      ['mask', 'boolean'],
    ]);
    expect(f.get('mask.sigmaFwd')).toMatchObject({ widget: 'numberOr', literals: ['inf'] });
    expect(parseInput(f.get('mask.sigmaFwd')!, 'inf')).toBe('inf');
    expect(parseInput(f.get('mask.sigmaFwd')!, '2.5')).toBe(2.5);
  });

  it('every kind has a starter spec that validates', () => {
    for (const k of KINDS) expect([k, [...specIssues(starterSpec(k))]]).toEqual([k, []]);
  });

  it('keys parseSpec messages by field path', () => {
    const bad = { ...starterSpec('som'), som: { rows: 0, cols: 10, sigma: { start: 3, end: 0.5 } } };
    const issues = specIssues(bad);
    expect([...issues.keys()]).toEqual(['som.rows']);
    expect(issues.get('som.rows')![0]).toMatch(/>=1/);
    expect(
      specIssues({
        ...starterSpec('som'),
        som: { rows: 3, cols: 3, topology: 'ring', sigma: { start: 1, end: 0.5 } },
      }).get('som.rows'),
    ).toEqual(['a chain or ring is one-dimensional: rows must be 1 (received number 3)']);
  });

  it('keeps raw text that is not a number so zod names it', () => {
    const f = formGroups('som')[0]!.fields.find((x) => x.path === 'epochs')!;
    expect(parseInput(f, ' 12 ')).toBe(12);
    expect(parseInput(f, 'ten')).toBe('ten');
    expect(parseInput(f, '')).toBeUndefined();
    expect(specIssues({ ...starterSpec('som'), epochs: 'ten' }).get('epochs')![0]).toMatch(/number/);
  });

  it('sets and deletes nested values, and switching kind keeps shared fields', () => {
    const d: Record<string, unknown> = {};
    setAt(d, 'som.sigma.start', 4);
    expect(getAt(d, 'som.sigma.start')).toBe(4);
    setAt(d, 'som.sigma.start', undefined);
    expect(d).toEqual({ som: { sigma: {} } });
    const next = switchKind({ ...starterSpec('som'), seed: 7, epochs: 3 }, 'baseline-mlp');
    expect(next).toMatchObject({ kind: 'baseline-mlp', seed: 7, epochs: 3 });
    expect('som' in next).toBe(false);
  });
});
