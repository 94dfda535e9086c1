/**
 * encodeWire's exact bytes as one Buffer, for the fan-out: a 30×30×784 snapshot is ~3.8 MB of base64,
 * and encodeWire would hold it three times (the base64 string, the JSON string, the Buffer copy). Here
 * the JSON is built with short markers where the base64 goes, then every piece is written into one Buffer.
 */
import { randomBytes } from 'node:crypto';
import { tagOf, type WireRequest, type WireResponse } from '../shared/wire';

export function encodeWireBuffer(msg: WireRequest | WireResponse): Buffer {
  const arrays: Buffer[] = [];
  // A NUL and a random nonce: no string in the message can look like a marker.
  const nonce = `\0${randomBytes(8).toString('hex')}:`;
  const json = JSON.stringify(msg, (_k, v: unknown) => {
    const tag = tagOf(v);
    if (!tag) return v;
    const t = v as Float32Array | Int32Array | Uint8Array;
    arrays.push(Buffer.from(t.buffer, t.byteOffset, t.byteLength));
    return { $typed: tag, b64: `${nonce}${arrays.length - 1}` };
  });
  if (arrays.length === 0) return Buffer.from(json);
  const marker = JSON.stringify(nonce).slice(1, -1); // how the nonce reads inside the JSON text
  const pieces: string[] = [];
  let at = 0;
  for (let i = 0; i < arrays.length; i++) {
    const m = `${marker}${i}"`;
    const found = json.indexOf(m, at);
    pieces.push(json.slice(at, found));
    at = found + m.length - 1; // keep the closing quote
  }
  pieces.push(json.slice(at));
  const b64 = arrays.map((a) => a.toString('base64'));
  const size = pieces.reduce((n, p) => n + Buffer.byteLength(p), 0) + b64.reduce((n, s) => n + s.length, 0);
  const out = Buffer.allocUnsafe(size);
  let off = out.write(pieces[0]!, 0);
  for (let i = 0; i < b64.length; i++) {
    off += out.write(b64[i]!, off, 'latin1');
    off += out.write(pieces[i + 1]!, off);
  }
  return out;
}
