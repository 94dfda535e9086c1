/**
 * The lab server's WebSocket protocol: the `Api` call map as JSON messages. Typed arrays travel as
 * base64 so snapshots keep their Float32Array/Int32Array types on the other side.
 */
import type { ApiCallName } from './api';
import { clip } from './clip';
import type { RunEvent } from './events';

export interface WireRequest {
  id: number;
  call: ApiCallName;
  args: unknown[];
}
export type WireResponse =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string } | { event: RunEvent };

const TYPED = { f32: Float32Array, i32: Int32Array, u8: Uint8Array } as const;
type TypedTag = keyof typeof TYPED;

/** The wire tag of a typed array the protocol carries, or null for any other value. */
export function tagOf(v: unknown): TypedTag | null {
  if (v instanceof Float32Array) return 'f32';
  if (v instanceof Int32Array) return 'i32';
  if (v instanceof Uint8Array) return 'u8';
  return null;
}

/** Node's Buffer where there is one (the hosts): base64 in native code, without a binary string first. */
const nodeBuffer = (
  globalThis as {
    Buffer?: { from(a: ArrayBufferLike, offset: number, length: number): { toString(enc: 'base64'): string } };
  }
).Buffer;

function toBase64(bytes: Uint8Array): string {
  if (nodeBuffer) return nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let s = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) s += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function encodeWire(msg: WireRequest | WireResponse): string {
  return JSON.stringify(msg, (_k, v: unknown) => {
    const tag = tagOf(v);
    if (!tag) return v;
    const t = v as Float32Array | Int32Array | Uint8Array;
    return { $typed: tag, b64: toBase64(new Uint8Array(t.buffer, t.byteOffset, t.byteLength)) };
  });
}

/** A typed array from its wire form; a bad tag, bad base64 or a ragged length is an error naming it. */
function typedFromWire($typed: unknown, b64: unknown): Float32Array | Int32Array | Uint8Array {
  if (typeof $typed !== 'string' || !Object.hasOwn(TYPED, $typed))
    throw new Error(`wire: unknown typed array tag "${clip(String($typed))}": expected one of f32, i32, u8`);
  if (typeof b64 !== 'string') throw new Error(`wire: ${$typed} array: b64 must be a string`);
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(b64);
  } catch {
    throw new Error(`wire: ${$typed} array: b64 is not valid base64`);
  }
  const Ctor = TYPED[$typed as TypedTag];
  if (bytes.byteLength % Ctor.BYTES_PER_ELEMENT !== 0)
    throw new Error(`wire: ${$typed} array of ${bytes.byteLength} bytes: not a whole number of elements`);
  return new Ctor(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
}

export function decodeWire<T = WireRequest | WireResponse>(text: string): T {
  return JSON.parse(text, (_k, v: unknown) => {
    if (v && typeof v === 'object' && '$typed' in v && 'b64' in v) return typedFromWire(v.$typed, v.b64);
    return v;
  }) as T;
}

/** WebSocket close code the lab server uses for a tab that fell too far behind the live runs. */
export const CLOSE_TOO_FAR_BEHIND = 4008;

/** The lab server's session check: POST answers 204 when the page's token and origin would be let in. */
export const SESSION_PATH = '/api/session';
