/**
 * Shared by the lab server's reliability tests: a lab server in a child process (so a death is seen, not
 * suffered), raw TCP exchanges, WebSocket frames built byte by byte, and a probe that checks the server
 * still answers a good call. Loopback only.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { encodeWire, type WireResponse } from '../shared/wire';
import { decodeMessage } from '../shared/wire-frame';
import type { ChildStats, FloodOrder } from './lab-child-main.test-helper';
import type { LabServerOptions } from './lab-server';

const CHILD = fileURLToPath(new URL('./lab-child-main.test-helper.ts', import.meta.url));

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

/** A child lab server on a temp folder holding a one-page renderer; `stop` ends it and removes the folder. */
export async function tempChildLab(name: string): Promise<ChildLab & { dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), `somlab-${name}-`));
  await mkdir(join(dir, 'renderer'));
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>SOM Lab</title>');
  const lab = await startChildLab({ rendererDir: join(dir, 'renderer'), dataRoots: [] });
  return { ...lab, dir, stop: () => lab.stop().finally(() => rm(dir, { recursive: true, force: true })) };
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

export function openSocket(port: number, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** A reply to a call (not an event). */
export type Reply = Exclude<WireResponse, { event: unknown }>;

/** Sends one call and waits for the reply with its id. */
export function call(ws: WebSocket, id: number, name: string, args: unknown[], timeoutMs = 5000): Promise<Reply> {
  return sendRaw(ws, encodeWire({ id, call: name as 'runs:list', args }), id, timeoutMs);
}

/** Sends raw text and waits for a reply with one of `ids` (-1 for messages without a usable id). */
export function sendRaw(
  ws: WebSocket,
  text: string | Buffer,
  ids: number | number[],
  timeoutMs = 5000,
): Promise<Reply> {
  const wanted = Array.isArray(ids) ? ids : [ids];
  const id = wanted.join(' or ');
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      ws.off('message', onMessage);
      ws.off('close', onClose);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no reply to message ${id} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onClose = (code: number, reason: Buffer): void => {
      done();
      reject(new Error(`the socket closed (${code} ${reason.toString()}) before the reply to message ${id}`));
    };
    const onMessage = (raw: Buffer, isBinary: boolean): void => {
      const m = decodeMessage(raw, isBinary);
      if ('event' in m || !wanted.includes(m.id)) return;
      done();
      resolve(m);
    };
    ws.on('message', onMessage);
    ws.on('close', onClose);
    ws.send(text, { binary: Buffer.isBuffer(text) });
  });
}

/** A tab that completes the handshake and then never reads again (its socket stays paused). */
export function stuckTab(port: number, request: Buffer): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    socket.once('data', (d) => {
      socket.pause();
      if (d.toString('latin1').startsWith('HTTP/1.1 101')) resolve(socket);
      else reject(new Error(`handshake refused: ${d.toString('latin1').split('\r\n')[0]}`));
    });
    socket.once('error', reject);
  });
}
