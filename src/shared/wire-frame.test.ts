import { describe, expect, it } from 'vitest';
import { encodeWire, type WireResponse } from './wire';
import { decodeFrame, decodeMessage, encodeFrame } from './wire-frame';

const big = new Float32Array(70_001).map((_, i) => Math.sin(i));
const msg: WireResponse = {
  id: 3,
  ok: true,
  result: {
    codebook: big,
    nested: [{ winners: new Int32Array([3, -1, 7]) }, { u8: new Uint8Array([0, 255, 9]) }],
    empty: new Float32Array(0),
    view: big.subarray(5, 9),
    text: 'naïve \u0000 "quoted" — 😀',
  },
};

/** The frame in a fresh ArrayBuffer, as a browser's WebSocket (binaryType 'arraybuffer') hands it over. */
const received = (f: Uint8Array): ArrayBuffer => f.slice().buffer;

describe('binary frames', () => {
  it('round-trip typed arrays (views, nesting, empty) and text exactly; arrays are aligned views', () => {
    const f = encodeFrame(msg)!;
    expect(f[0]).not.toBe('{'.charCodeAt(0));
    const out = decodeFrame<typeof msg>(received(f));
    expect(out).toEqual(msg);
    const r = (out as { result: { codebook: Float32Array; view: Float32Array } }).result;
    expect(r.codebook).toBeInstanceOf(Float32Array);
    expect(r.codebook.byteOffset % 4).toBe(0);
    expect([...r.view]).toEqual([...big.subarray(5, 9)]);
  });

  it('are raw bytes: a 70,001-float snapshot is its 280,004 bytes plus a short header, not 4/3 of it', () => {
    const f = encodeFrame({ event: { codebook: big } })!;
    expect(f.length).toBeGreaterThanOrEqual(big.byteLength);
    expect(f.length).toBeLessThan(big.byteLength + 128);
    expect(Buffer.byteLength(encodeWire({ event: { codebook: big } } as never))).toBeGreaterThan(big.byteLength * 1.33);
  });

  it('are not used for a message without typed arrays (that stays JSON text)', () => {
    expect(encodeFrame({ id: 1, ok: true, result: { a: [1, 2] } })).toBeNull();
    expect(decodeMessage('{"id":1,"ok":true,"result":2}', false)).toEqual({ id: 1, ok: true, result: 2 });
  });

  it('a damaged frame is an error saying what is wrong', () => {
    const f = encodeFrame(msg)!;
    expect(() => decodeFrame(new Uint8Array([0x7b, 1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(/expected the "SLB\\x01" magic/);
    const long = f.slice();
    new DataView(long.buffer).setUint32(4, 1 << 30, true);
    expect(() => decodeFrame(long)).toThrow(/header of 1073741824 bytes overruns the \d+-byte frame/);
    expect(() => decodeFrame(f.subarray(0, 1000))).toThrow(
      /array 0: bytes 0\+280004 are outside the \d+-byte data section/,
    );
    const junk = f.slice();
    junk[9] = 0x7d; // breaks the header JSON
    expect(() => decodeFrame(junk)).toThrow('wire: binary frame: the header is not JSON');
  });

  it('decodes from an unaligned buffer too (Node hands over pooled Buffers) by copying', () => {
    const f = encodeFrame(msg)!;
    const shifted = new Uint8Array(f.length + 1);
    shifted.set(f, 1);
    expect(decodeFrame(shifted.subarray(1))).toEqual(msg);
    const pooled = Buffer.alloc(f.length + 1);
    pooled.set(f, 1);
    expect(decodeFrame(pooled.subarray(1))).toEqual(msg);
  });
});
