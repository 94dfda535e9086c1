/**
 * A server message as the bytes of one WebSocket frame: a binary frame (src/shared/wire-frame.ts) when it
 * carries typed arrays (snapshots, winners: raw bytes, no base64 copy), JSON text otherwise. The outbox sends
 * each as the right frame type by its first byte (JSON text always starts with "{").
 */
import { encodeWire, type WireRequest, type WireResponse } from '../shared/wire';
import { encodeFrame } from '../shared/wire-frame';

export function encodeWireBuffer(msg: WireRequest | WireResponse): Buffer {
  const frame = encodeFrame(msg);
  if (frame) return Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
  return Buffer.from(encodeWire(msg));
}

/** True for the bytes of a binary frame, false for JSON text. */
export const isBinaryPayload = (b: Buffer): boolean => b.length > 0 && b[0] !== 0x7b;
