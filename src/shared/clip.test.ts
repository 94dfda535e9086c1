import { describe, expect, it } from 'vitest';
import { clip, CLIP_CHARS } from './clip';

describe('clip', () => {
  it('keeps short text as it is', () => {
    expect(clip('runs:list')).toBe('runs:list');
    expect(clip('x'.repeat(CLIP_CHARS))).toBe('x'.repeat(CLIP_CHARS));
  });

  it('cuts long text to the bound, with an ellipsis and the full length', () => {
    const long = 'a'.repeat(15 * 1024 * 1024);
    const out = clip(long);
    expect(out).toBe(`${'a'.repeat(200)}… (15728640 characters)`);
    expect(clip('abcdef', 3)).toBe('abc… (6 characters)');
  });

  it('never splits a surrogate pair', () => {
    const out = clip('ab😀cd', 3);
    expect(out).toBe('ab… (6 characters)');
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no lone high surrogate
  });
});
