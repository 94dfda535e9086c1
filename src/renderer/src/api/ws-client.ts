/**
 * The Api over the lab server's WebSocket: request {id, call, args} → response {id, ok, result|error},
 * events pushed as {event}. Calls made while disconnected wait for the next connection; calls in flight
 * when the socket drops are rejected (runs:start is not safe to resend). Reconnects with capped backoff,
 * unless the server says this page is no longer let in (a restart with a new token, another origin):
 * then it stops and says what to do, since retrying can never succeed.
 */
import { API_CALL_NAMES, type Api, type ApiCallName, type ApiCalls } from '../../../shared/api';
import type { RunEvent } from '../../../shared/events';
import { encodeWire, type WireResponse } from '../../../shared/wire';
import { decodeMessage } from '../../../shared/wire-frame';
import { refusalMessage, type SessionCheck } from './session';

export { refusalMessage };

export type ConnStatus = 'connecting' | 'open' | 'reconnecting' | 'refused' | 'closed';
export interface ConnState {
  status: ConnStatus;
  attempt: number;
  retryInMs: number;
  everOpened: boolean;
  lastError?: string;
  /** Why the server refuses this page (status 'refused'): its token no longer matches, or its origin. */
  refusal?: 'token' | 'origin';
  /** The last check after a close found no server answering. */
  serverDown?: boolean;
}

type SocketLike = Pick<WebSocket, 'send' | 'close' | 'readyState'> & {
  onopen: ((ev: Event) => unknown) | null;
  onclose: ((ev: CloseEvent) => unknown) | null;
  onerror: ((ev: Event) => unknown) | null;
  onmessage: ((ev: MessageEvent) => unknown) | null;
};
export type SocketFactory = (url: string) => SocketLike;

/** Snapshots and winners arrive as binary frames: as ArrayBuffers they decode to views, without a copy. */
function openBinary(url: string): SocketLike {
  const sock = new WebSocket(url);
  sock.binaryType = 'arraybuffer';
  return sock as SocketLike;
}

export interface WsClientOptions {
  url: string;
  socket?: SocketFactory;
  /** Delay before reconnect attempt n (1, 2, …). */
  backoff?: (attempt: number) => number;
  /** Asked after every close: is this page still let in? Without it, the client always retries. */
  checkSession?: () => Promise<SessionCheck>;
}

export type WsClient = Api & {
  state(): ConnState;
  onState(l: (s: ConnState) => void): () => void;
  close(): void;
};

export const defaultBackoff = (attempt: number): number => Math.min(10_000, 500 * 2 ** (attempt - 1));

interface Pending {
  call: ApiCallName;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

export function createWsClient(o: WsClientOptions): WsClient {
  const open = o.socket ?? openBinary;
  const backoff = o.backoff ?? defaultBackoff;
  const pending = new Map<number, Pending>();
  const queue: string[] = [];
  const eventListeners = new Set<(e: RunEvent) => void>();
  const stateListeners = new Set<(s: ConnState) => void>();
  let state: ConnState = { status: 'connecting', attempt: 0, retryInMs: 0, everOpened: false };
  let ws: SocketLike | null = null;
  let nextId = 1;
  let closed = false;
  let refusedWith: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const setState = (patch: Partial<ConnState>): void => {
    state = { ...state, ...patch };
    for (const l of stateListeners) l(state);
  };

  function onMessage(data: unknown): void {
    let msg: WireResponse;
    try {
      if (typeof data !== 'string' && !(data instanceof ArrayBuffer))
        throw new Error('a frame neither text nor binary');
      msg = decodeMessage<WireResponse>(data, typeof data !== 'string');
    } catch (e) {
      console.warn('somlab ws: undecodable message', e);
      return;
    }
    if ('event' in msg) {
      for (const l of eventListeners) l(msg.event);
      return;
    }
    const p = pending.get(msg.id);
    if (!p) {
      if (!msg.ok) console.warn(`somlab ws: ${msg.error}`);
      return;
    }
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(new Error(msg.error));
  }

  function connect(): void {
    if (closed) return;
    setState({ status: state.everOpened ? 'reconnecting' : 'connecting', retryInMs: 0 });
    const sock = open(o.url);
    ws = sock;
    sock.onopen = () => {
      setState({ status: 'open', attempt: 0, everOpened: true, lastError: undefined, serverDown: false });
      while (queue.length && sock.readyState === 1) sock.send(queue.shift()!);
    };
    sock.onmessage = (ev) => onMessage(ev.data);
    sock.onerror = () => setState({ lastError: 'the connection failed' });
    sock.onclose = (ev) => {
      if (ws !== sock) return;
      ws = null;
      rejectAll('the connection to the lab server was lost');
      if (closed) setState({ status: 'closed' });
      else void afterClose(ev.reason);
    };
  }

  function rejectAll(why: string): void {
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(new Error(`${p.call}: ${why}`));
    }
    queue.length = 0;
  }

  async function afterClose(reason: string): Promise<void> {
    const check = o.checkSession ? await o.checkSession().catch(() => 'down' as const) : 'ok';
    if (closed) return;
    if (check === 'token' || check === 'origin') {
      refusedWith = refusalMessage(check, state.everOpened);
      rejectAll(refusedWith);
      setState({ status: 'refused', refusal: check, retryInMs: 0, lastError: refusedWith });
      return;
    }
    const attempt = state.attempt + 1;
    const wait = backoff(attempt);
    const lastError = reason || state.lastError;
    setState({ status: 'reconnecting', attempt, retryInMs: wait, serverDown: check === 'down', lastError });
    timer = setTimeout(connect, wait);
  }

  function request<K extends ApiCallName>(call: K, args: unknown[]): Promise<Awaited<ReturnType<ApiCalls[K]>>> {
    if (closed) return Promise.reject(new Error(`${call}: the client is closed`));
    if (refusedWith) return Promise.reject(new Error(`${call}: ${refusedWith}`));
    const id = nextId++;
    const text = encodeWire({ id, call, args });
    return new Promise((resolve, reject) => {
      pending.set(id, { call, resolve: resolve as (v: unknown) => void, reject });
      if (ws && ws.readyState === 1) ws.send(text);
      else queue.push(text);
    });
  }

  // One function per call name (the shared list is checked complete against ApiCalls at compile time).
  const calls = Object.fromEntries(
    API_CALL_NAMES.map((name) => [name, (...args: unknown[]) => request(name, args)]),
  ) as Omit<Api, 'onRunEvent'>;

  const api = {
    ...calls,
    onRunEvent(l: (e: RunEvent) => void) {
      eventListeners.add(l);
      return () => {
        eventListeners.delete(l);
      };
    },
  } satisfies Api;

  connect();
  return Object.assign(api, {
    state: () => state,
    onState(l: (s: ConnState) => void) {
      stateListeners.add(l);
      return () => {
        stateListeners.delete(l);
      };
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      ws?.close();
      setState({ status: 'closed' });
    },
  });
}
