import { describe, expect, it } from 'vitest';
import { encodeWire, type WireResponse } from '../shared/wire';
import { encodeWireBuffer } from './wire-buffer';

describe('encodeWireBuffer', () => {
  it('gives exactly the bytes of encodeWire, typed arrays, nesting, NULs and non-ASCII included', () => {
    const big = new Float32Array(70_001).map((_, i) => Math.sin(i));
    const msgs: WireResponse[] = [
      { id: 1, ok: true, result: null },
      { id: 2, ok: false, error: 'naïve \u0000 "quoted" \u00001" — 😀' },
      {
        id: 3,
        ok: true,
        result: {
          codebook: big,
          nested: [{ winners: new Int32Array([3, -1, 7]) }, { u8: new Uint8Array([0, 255]) }],
          empty: new Float32Array(0),
          view: big.subarray(5, 9),
          text: 'ü\u0000',
        },
      },
    ];
    for (const m of msgs) expect(encodeWireBuffer(m).equals(Buffer.from(encodeWire(m)))).toBe(true);
  });
});
