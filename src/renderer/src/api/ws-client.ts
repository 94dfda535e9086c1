/**
 * The Api over the lab server's WebSocket: request {id, call, args} → response {id, ok, result|error},
 * events pushed as {event}. Calls made while disconnected wait for the next connection; calls in flight
 * when the socket drops are rejected (runs:start is not safe to resend). Reconnects with capped backoff.
 */
import { API_CALL_NAMES, type Api, type ApiCallName, type ApiCalls } from '../../../shared/api';
import type { RunEvent } from '../../../shared/events';
import { decodeWire, encodeWire, type WireResponse } from '../../../shared/wire';

export type ConnStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';
export interface ConnState {
  status: ConnStatus;
  attempt: number;
  retryInMs: number;
  everOpened: boolean;
  lastError?: string;
}

type SocketLike = Pick<WebSocket, 'send' | 'close' | 'readyState'> & {
  onopen: ((ev: Event) => unknown) | null;
  onclose: ((ev: CloseEvent) => unknown) | null;
  onerror: ((ev: Event) => unknown) | null;
  onmessage: ((ev: MessageEvent) => unknown) | null;
};
export type SocketFactory = (url: string) => SocketLike;

export interface WsClientOptions {
  url: string;
  socket?: SocketFactory;
  /** Delay before reconnect attempt n (1, 2, …). */
  backoff?: (attempt: number) => number;
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
  const open = o.socket ?? ((url: string) => new WebSocket(url) as SocketLike);
  const backoff = o.backoff ?? defaultBackoff;
  const pending = new Map<number, Pending>();
  const queue: string[] = [];
  const eventListeners = new Set<(e: RunEvent) => void>();
  const stateListeners = new Set<(s: ConnState) => void>();
  let state: ConnState = { status: 'connecting', attempt: 0, retryInMs: 0, everOpened: false };
  let ws: SocketLike | null = null;
  let nextId = 1;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const setState = (patch: Partial<ConnState>): void => {
    state = { ...state, ...patch };
    for (const l of stateListeners) l(state);
  };

  function onMessage(text: string): void {
    let msg: WireResponse;
    try {
      msg = decodeWire<WireResponse>(text);
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
      setState({ status: 'open', attempt: 0, everOpened: true, lastError: undefined });
      while (queue.length && sock.readyState === 1) sock.send(queue.shift()!);
    };
    sock.onmessage = (ev) => onMessage(String(ev.data));
    sock.onerror = () => setState({ lastError: 'the connection failed' });
    sock.onclose = (ev) => {
      if (ws !== sock) return;
      ws = null;
      for (const [id, p] of pending) {
        pending.delete(id);
        p.reject(new Error(`${p.call}: the connection to the lab server was lost`));
      }
      if (closed) {
        setState({ status: 'closed' });
        return;
      }
      const attempt = state.attempt + 1;
      const wait = backoff(attempt);
      setState({ status: 'reconnecting', attempt, retryInMs: wait, lastError: ev.reason || state.lastError });
      timer = setTimeout(connect, wait);
    };
  }

  function request<K extends ApiCallName>(call: K, args: unknown[]): Promise<Awaited<ReturnType<ApiCalls[K]>>> {
    if (closed) return Promise.reject(new Error(`${call}: the client is closed`));
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
