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

describe('wire decoding of hostile input', () => {
  it('refuses tags that are not own table entries (no prototype lookups)', () => {
    for (const tag of ['constructor', '__proto__', 'toString', 7])
      expect(() => decodeWire(JSON.stringify({ x: { $typed: tag, b64: '' } }))).toThrow(/unknown typed array tag/);
  });

  it('refuses bad base64 and ragged lengths, naming the array', () => {
    expect(() => decodeWire('{"x":{"$typed":"f32","b64":"%%%"}}')).toThrow('wire: f32 array: b64 is not valid base64');
    expect(() => decodeWire('{"x":{"$typed":"f32","b64":"AAAA"}}')).toThrow(/f32 array of 3 bytes/);
    expect(() => decodeWire('{"x":{"$typed":"i32","b64":5}}')).toThrow('wire: i32 array: b64 must be a string');
  });

  it('clips a huge tag in the message', () => {
    const tag = 'z'.repeat(100_000);
    let message = '';
    try {
      decodeWire(JSON.stringify({ x: { $typed: tag, b64: '' } }));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.length).toBeLessThan(400);
    expect(message).toContain('(100000 characters)');
  });
});
