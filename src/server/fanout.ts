/**
 * Run events to every connected tab: encoded once per event (one shared Buffer, however many tabs), then
 * handed to each tab's Outbox, which decides per tab what to send now, coalesce or hold.
 */
import type { RunEvent, RunEventOf, RunEventType } from '../shared/events';
import { encodeWire } from '../shared/wire';
import type { Outbox } from './outbox';

/** Events a tab only needs the newest of, keyed by what they describe (run and layer). */
const LATEST_WINS: { [T in RunEventType]?: (e: RunEventOf<T>) => string } = {
  'som-snapshot': (e) => `${e.runId}\0som-snapshot\0${e.snapshot.layer}`,
  winners: (e) => `${e.runId}\0winners\0${e.layer}`,
  'mask-stats': (e) => `${e.runId}\0mask-stats`,
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
    const payload = Buffer.from(encodeWire({ event }));
    const key = latestKey(event);
    for (const o of outboxes) o.push(payload, key);
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
