import { describe, expect, it } from 'vitest';
import { codebookAtlas, codebookRange, codebookView, imageShape, neuronColour, neuronToRgba } from './codebook-image';

describe('codebook → pixels', () => {
  it('recognises image and colour shapes', () => {
    expect(imageShape([28, 28, 1])).toEqual({ h: 28, w: 28, c: 1 });
    expect(imageShape([4, 4, 3])).toEqual({ h: 4, w: 4, c: 3 });
    expect(imageShape([784])).toEqual({ h: 28, w: 28, c: 1 });
    expect(imageShape([3])).toBeNull();
    expect(imageShape([10])).toBeNull();
    expect(codebookView([3])).toBe('colour');
    expect(codebookView([9, 9, 1])).toBe('image');
    expect(codebookView([2])).toBe('vector');
  });

  it('keeps [0,1] weights on a fixed scale and stretches others', () => {
    expect(codebookRange(new Float32Array([0.2, 0.9]))).toEqual([0, 1]);
    expect(codebookRange(new Float32Array([-2, 2]))).toEqual([-2, 2]);
  });

  it('writes a grey 2×2 neuron as RGBA bytes (R=G=B, opaque)', () => {
    // Two neurons of shape [2,2,1]; neuron 1 holds 0, 0.5, 1, 0.25.
    const cb = new Float32Array([9, 9, 9, 9, 0, 0.5, 1, 0.25]);
    const px = neuronToRgba(cb, 1, { h: 2, w: 2, c: 1 }, [0, 1]);
    expect([...px]).toEqual([0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255, 64, 64, 64, 255]);
  });

  it('writes colour images channel by channel and clamps outside the range', () => {
    const cb = new Float32Array([1, 0, 0, /**/ 0, 1, 2]); // one 1×2 RGB neuron; 2 is clamped to 255
    expect([...neuronToRgba(cb, 0, { h: 1, w: 2, c: 3 }, [0, 1])]).toEqual([255, 0, 0, 255, 0, 255, 255, 255]);
    expect(neuronColour(new Float32Array([0, 0, 0, 0.5, 1, 0]), 1, [0, 1])).toEqual([128, 255, 0]);
  });

  it('tiles all neurons into one atlas, perRow tiles per row', () => {
    const cb = new Float32Array([0, 1, 0.5]); // three 1×1 grey neurons
    const a = codebookAtlas(cb, 3, { h: 1, w: 1, c: 1 }, [0, 1], 2);
    expect([a.width, a.height]).toEqual([2, 2]);
    expect([a.data[0], a.data[4], a.data[8], a.data[12 + 3]]).toEqual([0, 255, 128, 0]); // 4th tile empty (alpha 0)
  });
});
