/** WebSocket frames and upgrade requests built byte by byte, for the frame-level reliability tests. */

export function upgradeRequest(token: string, extra: Record<string, string> = {}, path = '/ws'): Buffer {
  const headers = {
    host: '127.0.0.1',
    upgrade: 'websocket',
    connection: 'Upgrade',
    'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
    'sec-websocket-version': '13',
    cookie: `somlab_token=${token}`,
    ...extra,
  };
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  return Buffer.from(`GET ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`, 'latin1');
}

export interface FrameParts {
  fin?: boolean;
  rsv?: number;
  opcode: number;
  payload: Buffer;
  /** Client frames must be masked; false sends an unmasked one. */
  mask?: boolean;
  /** Declared length when it should differ from the payload's (oversized, truncated). */
  declared?: number;
}

/** One WebSocket frame, byte by byte (RFC 6455 §5.2). */
export function frame(p: FrameParts): Buffer {
  const len = p.declared ?? p.payload.length;
  const head = [((p.fin ?? true) ? 0x80 : 0) | ((p.rsv ?? 0) << 4) | p.opcode];
  const maskBit = (p.mask ?? true) ? 0x80 : 0;
  let ext = Buffer.alloc(0);
  if (len < 126) head.push(maskBit | len);
  else if (len < 65536) {
    head.push(maskBit | 126);
    ext = Buffer.alloc(2);
    ext.writeUInt16BE(len);
  } else {
    head.push(maskBit | 127);
    ext = Buffer.alloc(8);
    ext.writeBigUInt64BE(BigInt(len));
  }
  if (!(p.mask ?? true)) return Buffer.concat([Buffer.from(head), ext, p.payload]);
  const key = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  const body = Buffer.from(p.payload.map((b, i) => b ^ key[i % 4]!));
  return Buffer.concat([Buffer.from(head), ext, key, body]);
}

/** The close code in a server's close frame within `reply` (after the 101 response), or null. */
export function closeCode(reply: Buffer): number | null {
  const start = reply.indexOf('\r\n\r\n');
  if (start < 0) return null;
  for (let at = start + 4; at + 2 <= reply.length;) {
    const op = reply[at]! & 0x0f;
    let len = reply[at + 1]! & 0x7f;
    let off = at + 2;
    if (len === 126) [len, off] = [reply.readUInt16BE(off), off + 2];
    else if (len === 127) [len, off] = [Number(reply.readBigUInt64BE(off)), off + 8];
    if (op === 0x8) return len >= 2 ? reply.readUInt16BE(off) : 1005;
    at = off + len;
  }
  return null;
}
