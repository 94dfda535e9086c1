/**
 * Run events to every connected tab: encoded at most once per event (one shared Buffer, however many tabs)
 * and handed to each tab's Outbox, which decides per tab what to send now, coalesce or hold. Latest-wins
 * events are encoded only when a tab actually sends them, so a snapshot that every tab skips costs nothing.
 */
import type { RunEvent, RunEventOf, RunEventType } from '../shared/events';
import type { Outbox } from './outbox';
import { encodeWireBuffer } from './wire-buffer';

/** Events a tab only needs the newest of, keyed by what they describe (run and layer). */
const LATEST_WINS: { [T in RunEventType]?: (e: RunEventOf<T>) => string } = {
  'som-snapshot': (e) => `${e.runId}\0som-snapshot\0${e.snapshot.layer}`,
  winners: (e) => `${e.runId}\0winners\0${e.layer}`,
  'mask-stats': (e) => `${e.runId}\0mask-stats`,
  progress: (e) => `${e.runId}\0progress\0${e.phase}`,
};

export function latestKey(e: RunEvent): string | undefined {
  const keyOf = LATEST_WINS[e.type] as ((e: RunEvent) => string) | undefined;
  return keyOf?.(e);
}

export interface EventSource {
  onRunEvent(listener: (e: RunEvent) => void): () => void;
}

export interface Fanout {
  /** Adds a tab; the returned function removes it. */
  add(outbox: Outbox): () => void;
  /** Tabs connected now. */
  readonly size: number;
  close(): void;
}

export function createFanout(source: EventSource): Fanout {
  const outboxes = new Set<Outbox>();
  const off = source.onRunEvent((event) => {
    if (outboxes.size === 0) return;
    const key = latestKey(event);
    // Encoded once for every tab; a latest-wins event only when some tab sends it (often none is ready).
    let bytes: Buffer | undefined;
    const payload = (): Buffer => (bytes ??= encodeWireBuffer({ event }));
    for (const o of outboxes) o.push(key === undefined ? payload() : payload, key);
  });
  return {
    add(outbox) {
      outboxes.add(outbox);
      return () => outboxes.delete(outbox);
    },
    get size() {
      return outboxes.size;
    },
    close: off,
  };
}
