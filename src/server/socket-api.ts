/**
 * The typed Api over one WebSocket: {id, call, args} in, {id, ok, result | error} out. Whatever arrives
 * (binary frames, bad JSON, wrong shapes, unknown calls, huge strings) gets an error reply that says what
 * was expected, never an echo of the input beyond a clipped quote; protocol errors close the socket with
 * their RFC 6455 code and never reach the process. Each tab has a bounded number of calls in flight.
 */
import type { RawData, WebSocket } from 'ws';
import { clip } from '../shared/clip';
import { decodeWire, type WireResponse } from '../shared/wire';
import type { Fanout } from './fanout';
import { Outbox } from './outbox';
import { encodeWireBuffer } from './wire-buffer';

export interface CallHost {
  call(name: string, args: unknown): Promise<unknown>;
}

/** Calls a tab may have running at once; more are answered with an error at once. */
export const MAX_IN_FLIGHT = 32;
/** No error reply is longer than this (a last bound behind `clip` at each quote). */
export const MAX_ERROR_CHARS = 2000;

const SHAPE = 'expected a JSON text message {id: number, call: string, args: array}';

type Parsed = { ok: true; id: number; call: string; args: unknown[] } | { ok: false; id: number; error: string };

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : typeof v;
}

export function parseRequest(data: RawData, isBinary: boolean): Parsed {
  if (isBinary) return { ok: false, id: -1, error: `bad message: a binary frame; ${SHAPE}` };
  let msg: unknown;
  try {
    msg = decodeWire<unknown>(data.toString());
  } catch (e) {
    const why = e instanceof RangeError ? 'nested too deeply' : clip((e as Error).message);
    return { ok: false, id: -1, error: `bad message: not valid JSON (${why}); ${SHAPE}` };
  }
  if (msg === null || typeof msg !== 'object' || Array.isArray(msg))
    return { ok: false, id: -1, error: `bad message: received ${describe(msg)}; ${SHAPE}` };
  const { id, call, args } = msg as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id))
    return { ok: false, id: -1, error: `bad message: id is ${describe(id)}, expected a whole number; ${SHAPE}` };
  if (typeof call !== 'string') return { ok: false, id, error: `bad message: call is ${describe(call)}; ${SHAPE}` };
  if (!Array.isArray(args)) return { ok: false, id, error: `bad message: args is ${describe(args)}; ${SHAPE}` };
  return { ok: true, id, call, args };
}

export function serveSocket(ws: WebSocket, host: CallHost, fanout: Fanout): void {
  const outbox = new Outbox(ws);
  const leave = fanout.add(outbox);
  let inFlight = 0;
  const reply = (r: WireResponse): void => outbox.push(encodeWireBuffer(r));
  const fail = (id: number, message: string): void => reply({ id, ok: false, error: clip(message, MAX_ERROR_CHARS) });

  // ws has already closed the socket with the RFC 6455 code (1002, 1007, 1009); nothing is left to do.
  ws.on('error', () => {});
  ws.on('close', () => {
    leave();
    outbox.dispose();
  });
  ws.on('message', (data, isBinary) => {
    const req = parseRequest(data, isBinary);
    if (!req.ok) return fail(req.id, req.error);
    if (inFlight >= MAX_IN_FLIGHT)
      return fail(req.id, `too many calls in flight (${MAX_IN_FLIGHT}): wait for answers before sending more`);
    inFlight++;
    void answer(req.id, req.call, req.args).finally(() => inFlight--);
  });

  async function answer(id: number, call: string, args: unknown[]): Promise<void> {
    try {
      const result = await host.call(call, args);
      reply({ id, ok: true, result: result ?? null });
    } catch (e) {
      fail(id, e instanceof Error ? e.message : `${call} failed without a message`);
    }
  }
}
