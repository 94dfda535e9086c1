import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire, type WireResponse } from './wire';

describe('wire encoding', () => {
  it('keeps typed arrays typed and values exact', () => {
    const codebook = new Float32Array([0.1, -2.5, 3e-8, Math.PI]);
    const winners = new Int32Array([3, -1, 7]);
    const msg: WireResponse = { id: 4, ok: true, result: { codebook, nested: { winners }, n: 2 } };
    const back = decodeWire<{
      id: number;
      ok: true;
      result: { codebook: Float32Array; nested: { winners: Int32Array }; n: number };
    }>(encodeWire(msg));
    expect(back.result.codebook).toBeInstanceOf(Float32Array);
    expect(Array.from(back.result.codebook)).toEqual(Array.from(codebook));
    expect(back.result.nested.winners).toBeInstanceOf(Int32Array);
    expect(Array.from(back.result.nested.winners)).toEqual([3, -1, 7]);
    expect(back.result.n).toBe(2);
  });

  it('encodes a view of a larger buffer without its neighbours', () => {
    const big = new Float32Array([1, 2, 3, 4, 5]);
    const view = big.subarray(1, 3);
    const back = decodeWire<{ id: number; ok: true; result: Float32Array }>(
      encodeWire({ id: 1, ok: true, result: view }),
    );
    expect(Array.from(back.result)).toEqual([2, 3]);
  });

  it('refuses an unknown typed tag', () => {
    expect(() => decodeWire('{"x":{"$typed":"f64","b64":""}}')).toThrow(/unknown typed array tag "f64"/);
  });
});
