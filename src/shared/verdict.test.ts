import { describe, expect, it } from 'vitest';
import { verdict } from './verdict';

const r = (label: string, v: number) => ({ label, metrics: { acc: v } });

describe('verdicts', () => {
  it('value ± tolerance', () => {
    const ref = { figure: '', metric: 'acc', value: 0.99, tolerance: 0.005 };
    expect(verdict(ref, [r('a', 0.987)])).toBe('reproduced');
    expect(verdict(ref, [r('a', 0.982)])).toBe('partially');
    expect(verdict(ref, [r('a', 0.95)])).toBe('not reproduced');
  });
  it('bounds', () => {
    expect(verdict({ figure: '', metric: 'acc', atMost: 0.1 }, [r('a', 0.05)])).toBe('reproduced');
    expect(verdict({ figure: '', metric: 'acc', atMost: 0.1 }, [r('a', 0.12)])).toBe('partially');
    expect(verdict({ figure: '', metric: 'acc', atLeast: 0.9, tolerance: 0.02 }, [r('a', 0.89)])).toBe('partially');
  });
  it('orderings, best first, with a tolerance for near-ties', () => {
    const ref = { figure: '', metric: 'acc', order: ['inf', '50', '20', '5'], tolerance: 0.002 };
    expect(verdict(ref, [r('inf', 0.9), r('50', 0.89), r('20', 0.85), r('5', 0.7)])).toBe('reproduced');
    expect(verdict(ref, [r('inf', 0.9), r('50', 0.899), r('20', 0.9005), r('5', 0.7)])).toBe('reproduced');
    expect(verdict(ref, [r('inf', 0.9), r('50', 0.8), r('20', 0.85), r('5', 0.7)])).toBe('partially');
    expect(verdict({ ...ref, order: ['inf', '50'] }, [r('inf', 0.9), r('50', 0.905)])).toBe('partially'); // within 3 tolerances
    expect(
      verdict({ figure: '', metric: 'acc', order: ['a', 'b'], tolerance: -1e-4 }, [r('a', 0.9), r('b', 0.9)]),
    ).toBe('not reproduced'); // a tie is not "better"
    expect(verdict(ref, [r('inf', 0.6), r('50', 0.8), r('20', 0.85), r('5', 0.9)])).toBe('not reproduced');
    expect(verdict(ref, [r('inf', 0.6)])).toBe('not reproduced');
  });
  it('a value check on a named variant of a sweep', () => {
    expect(verdict({ figure: '', metric: 'acc', variant: 'b', atMost: 0.1 }, [r('a', 0.5), r('b', 0.05)])).toBe(
      'reproduced',
    );
  });
  it('two conditions: both, one (partial), none', () => {
    const ref = {
      figure: '',
      metric: 'active',
      atMost: 0.1,
      also: { figure: '', metric: 'acc', atLeast: 0.98, tolerance: 0.005 },
    };
    const m = (active: number, acc: number) => [{ label: 'x', metrics: { active, acc } }];
    expect(verdict(ref, m(0.05, 0.985))).toBe('reproduced');
    expect(verdict(ref, m(0.05, 0.83))).toBe('partially');
    expect(verdict(ref, m(0.5, 0.5))).toBe('not reproduced');
  });
  it('no reference', () => {
    expect(verdict(undefined, [])).toBe('no reference');
  });
});
