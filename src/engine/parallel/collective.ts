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
  return {
    rank: 0,
    size,
    sum(part) {
      const total = Float32Array.from(part);
      ports.forEach((port, i) => {
        const w = take(port, sig, i + 1, `worker ${i + 1}`);
        if ('error' in w) throw new Error(`worker ${i + 1} failed: ${w.error}`);
        if (w.part.length !== total.length)
          throw new Error(`worker ${i + 1} sent ${w.part.length} values to sum; rank 0 has ${total.length}`);
        for (let j = 0; j < total.length; j++) total[j]! += w.part[j]!;
      });
      ports.forEach((port, i) => post(port, sig, size + i + 1, { part: total }));
      return total;
    },
  };
}

/** Member `rank` of `size`. */
export function memberReducer(rank: number, size: number, port: MessagePort, sig: Int32Array): Reducer {
  return {
    rank,
    size,
    sum(part) {
      const own = part.byteOffset === 0 && part.byteLength === part.buffer.byteLength ? part : part.slice();
      post(port, sig, rank, { part: own }, [own.buffer as ArrayBuffer]);
      const w = take(port, sig, size + rank, 'rank 0');
      if ('error' in w) throw new Error(`rank 0 failed: ${w.error}`);
      return w.part;
    },
  };
}

/** A member's failure, sent where the root is (or will be) waiting for its part. */
export function postFailure(port: MessagePort, sig: Int32Array, rank: number, error: string): void {
  post(port, sig, rank, { error });
}
