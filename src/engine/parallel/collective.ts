/**
 * The synchronous sum across threads behind Reducer: member k posts its part on its own MessagePort and bumps
 * a shared counter; the root (rank 0, the trainer's thread) takes each part with receiveMessageOnPort while
 * blocked in Atomics.wait, adds them in rank order (so every run sums in the same order) and posts the total
 * back. Synchronous on purpose: a step stays one call on every rank, with no event-loop turn inside it.
 * A member that fails posts its error on the same port, so the root's wait ends with that error.
 */
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { Reducer } from './reduce';

/** How long a rank waits for the others inside one sum before it gives up (a thread that died silently). */
export const SUM_TIMEOUT_MS = 120_000;
const SLICE_MS = 50;

/** Shared counters: [k] parts posted by member k, [size + k] totals posted to member k. */
export const signalsFor = (size: number): Int32Array => new Int32Array(new SharedArrayBuffer(8 * size));

type Wire = { part: Float32Array } | { error: string };

/** Waits for the next message on `port`, sleeping on sig[slot] between looks. */
function take(port: MessagePort, sig: Int32Array, slot: number, who: string): Wire {
  const t0 = Date.now();
  for (;;) {
    const seen = Atomics.load(sig, slot);
    const m = receiveMessageOnPort(port);
    if (m) return m.message as Wire;
    if (Date.now() - t0 > SUM_TIMEOUT_MS)
      throw new Error(`data-parallel training: ${who} sent nothing for ${SUM_TIMEOUT_MS / 1000} s`);
    Atomics.wait(sig, slot, seen, SLICE_MS);
  }
}

function post(port: MessagePort, sig: Int32Array, slot: number, w: Wire, transfer: ArrayBuffer[] = []): void {
  port.postMessage(w, transfer);
  Atomics.add(sig, slot, 1);
  Atomics.notify(sig, slot);
}

/** Rank 0: `ports[k - 1]` talks to member k. */
export function rootReducer(ports: MessagePort[], sig: Int32Array): Reducer {
  const size = ports.length + 1;
  /** Every member's part, in rank order. */
  const parts = (): Float32Array[] =>
    ports.map((port, i) => {
      const w = take(port, sig, i + 1, `worker ${i + 1}`);
      if ('error' in w) throw new Error(`worker ${i + 1} failed: ${w.error}`);
      return w.part;
    });
  const joined = (part: Float32Array): Float32Array => {
    const all = [part, ...parts()];
    const total = new Float32Array(all.reduce((n, p) => n + p.length, 0));
    all.reduce((at, p) => (total.set(p, at), at + p.length), 0);
    return total;
  };
  const answer = (total: Float32Array): Float32Array => {
    ports.forEach((port, i) => post(port, sig, size + i + 1, { part: total }));
    return total;
  };
  return {
    rank: 0,
    size,
    sum(part) {
      const total = Float32Array.from(part);
      parts().forEach((p, i) => {
        if (p.length !== total.length)
          throw new Error(`worker ${i + 1} sent ${p.length} values to sum; rank 0 has ${total.length}`);
        for (let j = 0; j < total.length; j++) total[j]! += p[j]!;
      });
      return answer(total);
    },
    gather: (part) => answer(joined(part)),
    collect: joined,
  };
}

/** Member `rank` of `size`: posts its part to rank 0 and waits for the answer (the sum or the gathered parts). */
export function memberReducer(rank: number, size: number, port: MessagePort, sig: Int32Array): Reducer {
  const send = (part: Float32Array): void => {
    const own = part.byteOffset === 0 && part.byteLength === part.buffer.byteLength ? part : part.slice();
    post(port, sig, rank, { part: own }, [own.buffer as ArrayBuffer]);
  };
  const exchange = (part: Float32Array): Float32Array => {
    send(part);
    const w = take(port, sig, size + rank, 'rank 0');
    if ('error' in w) throw new Error(`rank 0 failed: ${w.error}`);
    return w.part;
  };
  return { rank, size, sum: exchange, gather: exchange, collect: (part) => (send(part), null) };
}

/** A member's failure, sent where the root is (or will be) waiting for its part. */
export function postFailure(port: MessagePort, sig: Int32Array, rank: number, error: string): void {
  post(port, sig, rank, { error });
}
