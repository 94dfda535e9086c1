import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire, type WireResponse } from '../shared/wire';
import { decodeFrame } from '../shared/wire-frame';
import { encodeWireBuffer, isBinaryPayload } from './wire-buffer';

describe('encodeWireBuffer', () => {
  it('a message without typed arrays: exactly the JSON text of encodeWire, sent as a text frame', () => {
    const msgs: WireResponse[] = [
      { id: 1, ok: true, result: null },
      { id: 2, ok: false, error: 'naïve \u0000 "quoted" \u00001" — 😀' },
    ];
    for (const m of msgs) {
      const b = encodeWireBuffer(m);
      expect(b.equals(Buffer.from(encodeWire(m)))).toBe(true);
      expect(isBinaryPayload(b)).toBe(false);
    }
  });

  it('a message with typed arrays: a binary frame that decodes to what the JSON path gives', () => {
    const big = new Float32Array(70_001).map((_, i) => Math.sin(i));
    const m: WireResponse = {
      event: {
        type: 'winners',
        v: 1,
        runId: 'r',
        step: 3,
        layer: 'som',
        winners: new Int32Array([3, -1, 7]),
        extra: { codebook: big, view: big.subarray(5, 9) },
      } as never,
    };
    const b = encodeWireBuffer(m);
    expect(isBinaryPayload(b)).toBe(true);
    expect(b.length).toBeLessThan(big.byteLength + 400);
    expect(decodeFrame(b)).toEqual(decodeWire(encodeWire(m)));
  });
});
