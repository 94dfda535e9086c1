import { describe, expect, it } from 'vitest';
import { pairedInterval, sd, t95 } from './stats';
import { pairOutcome, verdict, verdictAcrossSeeds } from './verdict';

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
    // within 3 tolerances
    expect(verdict({ ...ref, order: ['inf', '50'] }, [r('inf', 0.9), r('50', 0.905)])).toBe('partially');
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

/** Seeds × variants from columns of hand-set numbers: seeds({ a: [..], b: [..] }). */
const seeds = (cols: Record<string, number[]>) =>
  cols[Object.keys(cols)[0]!]!.map((_, s) => Object.entries(cols).map(([label, v]) => r(label, v[s]!)));

describe('statistics for repeated seeds', () => {
  it('sample sd and the paired 95 % interval, by hand', () => {
    expect(sd([1, 2, 3])).toBeCloseTo(1, 12);
    expect(sd([5])).toBe(0);
    expect(t95(2)).toBe(4.303);
    expect(t95(100)).toBe(1.96);
    // d = [0.003, −0.001, 0.004]: mean 0.002, sd √(7e−6) = 0.0026458, half = 4.303 · sd / √3 = 0.0065730.
    const iv = pairedInterval([0.993, 0.989, 0.994], [0.99, 0.99, 0.99]);
    expect(iv.mean).toBeCloseTo(0.002, 12);
    expect(iv.half).toBeCloseTo(0.006573, 6);
    expect(() => pairedInterval([1], [1, 2])).toThrow(/equal counts, received 1 and 2/);
  });
  it('a pair is ahead, behind or the same by its interval against the bar', () => {
    expect(pairOutcome({ mean: 0.01, half: 0.004, n: 3 }, 0)).toBe('ahead');
    expect(pairOutcome({ mean: 0.002, half: 0.0066, n: 3 }, 0)).toBe('same');
    expect(pairOutcome({ mean: -0.01, half: 0.004, n: 3 }, 0)).toBe('behind');
    expect(pairOutcome({ mean: -0.01, half: 0.004, n: 3 }, -0.03)).toBe('ahead'); // competitive within 3 pp
  });
});

describe('verdicts across seeds', () => {
  const better = { figure: '', metric: 'acc', order: ['a', 'b'], tolerance: 0.001 };
  it('a consistent margin reproduces, one inside the noise is "same", a consistent loss does not', () => {
    // d = [3, 3, 2] · 1e−3: mean 2.67e−3 ± 1.43e−3
    const spread = seeds({ a: [0.991, 0.99, 0.992], b: [0.988, 0.987, 0.99] });
    expect(verdictAcrossSeeds(better, spread)).toBe('reproduced');
    expect(verdictAcrossSeeds(better, seeds({ a: [0.993, 0.989, 0.994], b: [0.99, 0.99, 0.99] }))).toBe('same');
    expect(verdictAcrossSeeds(better, seeds({ a: [0.98, 0.981, 0.979], b: [0.99, 0.99, 0.99] }))).toBe(
      'not reproduced',
    );
    // Identical runs (SOM-ReLU and ReLU-SOM compute the same function): the margin is exactly 0, a tie.
    expect(verdictAcrossSeeds(better, seeds({ a: [0.9, 0.91, 0.92], b: [0.9, 0.91, 0.92] }))).toBe('same');
  });
  it('the same mean margin counts or not depending on the spread', () => {
    const tight = seeds({ a: [0.952, 0.962, 0.972], b: [0.95, 0.96, 0.97] }); // d = 0.002 each: sd 0
    const loose = seeds({ a: [0.962, 0.952, 0.972], b: [0.95, 0.96, 0.97] }); // d = [0.012, −0.008, 0.002]
    expect(verdictAcrossSeeds(better, tight)).toBe('reproduced');
    expect(verdictAcrossSeeds(better, loose)).toBe('same');
  });
  it('competitive claims hold when A trails by no more than the tolerance beyond the noise', () => {
    const comp = { figure: '', metric: 'acc', order: ['a', 'b'], tolerance: 0.03, claim: 'competitive' as const };
    expect(verdictAcrossSeeds(comp, seeds({ a: [0.95, 0.948, 0.951], b: [0.948, 0.949, 0.947] }))).toBe('reproduced');
    expect(verdictAcrossSeeds(comp, seeds({ a: [0.9, 0.89, 0.9], b: [0.95, 0.95, 0.95] }))).toBe('not reproduced');
    expect(verdictAcrossSeeds(comp, seeds({ a: [0.93, 0.9, 0.95], b: [0.95, 0.95, 0.95] }))).toBe('partially');
  });
  it('orderings of several variants: all ahead, some ties, one reversed', () => {
    const sweep = { figure: '', metric: 'acc', order: ['inf', '50', '5'] };
    const ordered = { inf: [0.96, 0.961, 0.962], '50': [0.95, 0.951, 0.952], '5': [0.94, 0.941, 0.942] };
    expect(verdictAcrossSeeds(sweep, seeds(ordered))).toBe('reproduced');
    expect(verdictAcrossSeeds(sweep, seeds({ ...ordered, '50': [0.962, 0.958, 0.961] }))).toBe('partially');
    expect(verdictAcrossSeeds(sweep, seeds({ ...ordered, '5': [0.97, 0.971, 0.972] }))).toBe('not reproduced');
  });
  it('values and bounds are judged on the seed means; one seed falls back to the single-run rule', () => {
    const bound = { figure: '', metric: 'acc', atLeast: 0.985, tolerance: 0.01 };
    expect(verdictAcrossSeeds(bound, seeds({ x: [0.99, 0.986, 0.985] }))).toBe('reproduced');
    expect(verdictAcrossSeeds(bound, seeds({ x: [0.98, 0.978, 0.982] }))).toBe('partially');
    expect(verdictAcrossSeeds(better, seeds({ a: [0.9], b: [0.9] }))).toBe('reproduced'); // within 0.001, 1 seed
    expect(verdictAcrossSeeds(undefined, [])).toBe('no reference');
  });
});
