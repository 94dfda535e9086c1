/**
 * Binary WebSocket frames for messages that carry typed arrays (SOM snapshots, winner traces): the arrays
 * travel as raw bytes instead of base64 inside JSON, so the server never builds a 4/3-size base64 copy and
 * the page decodes a 3.8 MB snapshot as views on the received buffer (no copy, no atob loop on the main
 * thread). Messages without typed arrays stay JSON text frames (encodeWire).
 *
 * Layout: "SLB" 0x01 | u32 LE header length | header (UTF-8 JSON) | zero padding to 8 | each array's
 * bytes, each padded to 8. The header is { m: message with {$bin: i} in place of array i, a: [tag, offset,
 * byteLength][] }, offsets counted from the data section. The first byte is never "{" (JSON text's first),
 * and the frame type (binary or text) tells a reader which decoder to use.
 */
import { decodeWire, tagOf, type WireResponse } from './wire';

const MAGIC = [0x53, 0x4c, 0x42, 0x01] as const;
const TYPED = { f32: Float32Array, i32: Int32Array, u8: Uint8Array } as const;
type Tag = keyof typeof TYPED;
type Typed = Float32Array | Int32Array | Uint8Array;
const pad8 = (n: number): number => (n + 7) & ~7;

/** The message as one binary frame, or null when it holds no typed array (send it as JSON text then). */
export function encodeFrame(msg: unknown): Uint8Array | null {
  const arrays: Typed[] = [];
  const table: [Tag, number, number][] = [];
  const json = JSON.stringify(msg, (_k, v: unknown) => {
    const tag = tagOf(v);
    if (!tag) return v;
    arrays.push(v as Typed);
    table.push([tag, 0, (v as Typed).byteLength]);
    return { $bin: arrays.length - 1 };
  });
  if (arrays.length === 0) return null;
  let at = 0; // offsets count from the data section, so the header does not depend on its own length
  for (const row of table) {
    row[1] = at;
    at = pad8(at + row[2]);
  }
  const header = new TextEncoder().encode(`{"m":${json},"a":${JSON.stringify(table)}}`);
  const data = pad8(8 + header.length);
  const out = new Uint8Array(data + at);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, header.length, true);
  out.set(header, 8);
  arrays.forEach((t, i) => out.set(new Uint8Array(t.buffer, t.byteOffset, t.byteLength), data + table[i]![1]));
  return out;
}

function fail(why: string): never {
  throw new Error(`wire: binary frame: ${why}`);
}

/** A message from a binary frame; the arrays are views on `buf`. A damaged frame is an error saying how. */
export function decodeFrame<T>(buf: ArrayBuffer | Uint8Array): T {
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b))
    fail(`expected the "SLB\\x01" magic and a header, got ${bytes.length} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(4, true);
  if (8 + headerLength > bytes.length) fail(`header of ${headerLength} bytes overruns the ${bytes.length}-byte frame`);
  let header: { m: unknown; a: unknown };
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as typeof header;
  } catch {
    return fail('the header is not JSON');
  }
  if (!Array.isArray(header.a)) fail('the header has no array table');
  const data = bytes.subarray(Math.min(bytes.length, (8 + headerLength + 7) & ~7));
  const arrays = (header.a as unknown[]).map((row, i) => arrayOf(data, row, i));
  return reviveArrays(header.m, arrays) as T;
}

function arrayOf(bytes: Uint8Array, row: unknown, i: number): Typed {
  const [tag, off, len] = Array.isArray(row) ? row : [];
  if (typeof tag !== 'string' || !Object.hasOwn(TYPED, tag))
    fail(`array ${i}: unknown tag "${String(tag).slice(0, 20)}": expected one of f32, i32, u8`);
  const Ctor = TYPED[tag as Tag];
  if (!Number.isSafeInteger(off) || !Number.isSafeInteger(len) || off < 0 || len < 0 || off + len > bytes.length)
    fail(`array ${i}: bytes ${String(off)}+${String(len)} are outside the ${bytes.length}-byte data section`);
  if (len % Ctor.BYTES_PER_ELEMENT !== 0) fail(`array ${i}: ${len} bytes is not a whole number of ${tag}`);
  const start = bytes.byteOffset + (off as number);
  // A view when aligned (always, for frames encodeFrame wrote into a fresh buffer); a copy otherwise.
  if (start % Ctor.BYTES_PER_ELEMENT === 0)
    return new Ctor(bytes.buffer as ArrayBuffer, start, len / Ctor.BYTES_PER_ELEMENT);
  // Uint8Array's slice copies (Node's Buffer.slice would give another unaligned view).
  return new Ctor(Uint8Array.prototype.slice.call(bytes, off as number, (off as number) + len).buffer);
}

function reviveArrays(v: unknown, arrays: Typed[]): unknown {
  if (Array.isArray(v)) return v.map((x) => reviveArrays(x, arrays));
  if (!v || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  if ('$bin' in o && Object.keys(o).length === 1) {
    const i = o.$bin;
    if (typeof i !== 'number' || !arrays[i]) fail(`reference to array ${String(i)}, which the table lacks`);
    return arrays[i];
  }
  for (const k of Object.keys(o)) o[k] = reviveArrays(o[k], arrays);
  return o;
}

/** A server message from either kind of frame: JSON text (encodeWire) or binary (encodeFrame). */
export function decodeMessage<T = WireResponse>(data: string | ArrayBuffer | Uint8Array, isBinary: boolean): T {
  if (!isBinary) return decodeWire<T>(typeof data === 'string' ? data : new TextDecoder().decode(data));
  return decodeFrame<T>(typeof data === 'string' ? new TextEncoder().encode(data) : data);
}
