import { describe, expect, it } from 'vitest';
import { fittedCaption } from './draw-legend';

/** A stand-in 2D context whose glyphs are half the font size wide, so widths can be counted by hand. */
function fakeCtx(): CanvasRenderingContext2D {
  const ctx = { font: '11px system-ui, sans-serif' } as { font: string; measureText?: unknown };
  ctx.measureText = (t: string) => ({ width: t.length * Number(/^(\d+)px/.exec(ctx.font)![1]) * 0.5 });
  return ctx as unknown as CanvasRenderingContext2D;
}

const LABEL = 'fraction of samples a unit fires for · 3 dead (×) · 0 always on (○) of 512';

describe('fittedCaption', () => {
  it('keeps the whole caption at 11 px where it fits', () => {
    const ctx = fakeCtx();
    expect(fittedCaption(ctx, LABEL, LABEL.length * 5.5)).toBe(LABEL);
    expect(ctx.font).toMatch(/^11px/);
  });

  it('shrinks the font before cutting anything', () => {
    const ctx = fakeCtx();
    expect(fittedCaption(ctx, LABEL, LABEL.length * 4.5)).toBe(LABEL);
    expect(ctx.font).toMatch(/^9px/);
  });

  it('drops whole parts from the end at 8 px and marks the cut', () => {
    const ctx = fakeCtx();
    // 8 px glyphs are 4 px wide: room for the first two parts and " …" but not the third.
    const twoParts = 'fraction of samples a unit fires for · 3 dead (×)';
    const shown = fittedCaption(ctx, LABEL, (twoParts.length + 2) * 4);
    expect(shown).toBe(`${twoParts} …`);
    expect(ctx.font).toMatch(/^8px/);
  });

  it('drops words of the first part when even that does not fit, keeping at least one', () => {
    // "fraction of samples …" is 21 glyphs: 84 px at 8 px.
    expect(fittedCaption(fakeCtx(), LABEL, 84)).toBe('fraction of samples …');
    expect(fittedCaption(fakeCtx(), LABEL, 10)).toBe('fraction …');
  });
});
