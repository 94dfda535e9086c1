/**
 * Shared by the lab server's reliability tests: a lab server in a child process (so a death is seen, not
 * suffered), raw TCP exchanges, WebSocket frames built byte by byte, and a probe that checks the server
 * still answers a good call. Loopback only.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { decodeWire, encodeWire, type WireResponse } from '../shared/wire';
import type { ChildStats, FloodOrder } from './test-lab-child';
import type { LabServerOptions } from './lab-server';

const CHILD = fileURLToPath(new URL('./test-lab-child.ts', import.meta.url));

export interface ChildLab {
  port: number;
  token: string;
  /** Set once the child has exited: how it went. */
  death: () => string | null;
  stats(): Promise<ChildStats>;
  flood(o: FloodOrder): Promise<ChildStats>;
  stop(): Promise<void>;
}

export async function startChildLab(o: LabServerOptions & { projectRoots?: string[] }): Promise<ChildLab> {
  const child: ChildProcess = fork(CHILD, [JSON.stringify(o)], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  let death: string | null = null;
  const exited = new Promise<void>((r) =>
    child.once('exit', (code, signal) => {
      death = `lab server exited (code ${code}, signal ${signal}): ${stderr}`;
      r();
    }),
  );
  const ready = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    child.once('message', (m: { ready?: { url: string; token: string } }) => (m.ready ? resolve(m.ready) : reject()));
    void exited.then(() => reject(new Error(death!)));
  });
  let nextId = 1;
  const ask = <T>(order: object): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const onMessage = (m: { id?: number; body?: T }): void => {
        if (m.id !== id) return;
        child.off('message', onMessage);
        resolve(m.body!);
      };
      child.on('message', onMessage);
      child.send({ id, ...order });
      void exited.then(() => reject(new Error(death!)));
    });
  return {
    port: Number(new URL(ready.url).port),
    token: ready.token,
    death: () => death,
    stats: () => ask({ order: 'stats' }),
    flood: (flood) => ask({ order: 'flood', flood }),
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface Exchange {
  /** Every byte the server sent back. */
  reply: Buffer;
  /** Whether the server closed the connection (else we gave up waiting). */
  closed: boolean;
}

/** Writes `chunks` to a fresh connection (ending it when `end`), and collects the reply until close or `waitMs`. */
export function exchange(
  port: number,
  chunks: Buffer[],
  o: { end?: boolean; waitMs?: number } = {},
): Promise<Exchange> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    const socket = connect(port, '127.0.0.1');
    const finish = (closed: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ reply: Buffer.concat(parts), closed });
    };
    const timer = setTimeout(() => finish(false), o.waitMs ?? 1000);
    socket.on('data', (d) => parts.push(d));
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('connect', () => {
      for (const c of chunks) socket.write(c);
      if (o.end) socket.end();
    });
  });
}

/** The status code of an HTTP reply, or null when the reply is not HTTP. */
export const httpStatus = (reply: Buffer): number | null => {
  const m = /^HTTP\/1\.1 (\d{3}) /.exec(reply.subarray(0, 32).toString('latin1'));
  return m ? Number(m[1]) : null;
};

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

export function openSocket(port: number, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Sends one call and waits for the reply with its id. */
export function call(
  ws: WebSocket,
  id: number,
  name: string,
  args: unknown[],
  timeoutMs = 5000,
): Promise<WireResponse> {
  return sendRaw(ws, encodeWire({ id, call: name as 'runs:list', args }), id, timeoutMs);
}

/** Sends raw text and waits for the reply with `id` (-1 for messages without a usable id). */
export function sendRaw(ws: WebSocket, text: string | Buffer, id: number, timeoutMs = 5000): Promise<WireResponse> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no reply to message ${id} within ${timeoutMs} ms`)), timeoutMs);
    ws.on('message', function onMessage(raw) {
      const m = decodeWire<WireResponse>(raw.toString());
      if ('id' in m && m.id === id) {
        ws.off('message', onMessage);
        clearTimeout(timer);
        resolve(m);
      }
    });
    ws.send(text, { binary: Buffer.isBuffer(text) });
  });
}
