/**
 * Per-client backpressure for everything the lab server sends a tab (run events and call replies).
 *
 * Policy:
 * - While the tab keeps up (the socket's `bufferedAmount` below `sendBelow`), every message goes out at once.
 * - While it is behind, latest-wins messages (SOM snapshots and winners per run and layer, mask stats per
 *   run) are coalesced: a newer one takes the place of the older one still waiting. Everything else
 *   (metric rows, evals, state, logs, run start and end, replies) waits in order and is never dropped.
 * - When more than `maxQueued` bytes of those wait, or nothing could be sent for `stallMs` while messages
 *   wait, the tab is closed with CLOSE_TOO_FAR_BEHIND and a reason. It reconnects and re-reads its runs
 *   from disk, where every metric row is: rows are never lost silently, and memory per tab stays bounded.
 * Payloads are Buffers shared by every tab, so a snapshot is held once however many tabs are behind.
 */
import type { WebSocket } from 'ws';
import { CLOSE_TOO_FAR_BEHIND } from '../shared/wire';
import { isBinaryPayload } from './wire-buffer';

export interface OutboxLimits {
  /** Send at once while the socket holds less than this many unsent bytes. */
  sendBelow: number;
  /** Close the tab when more than this many bytes of messages that must arrive are waiting. */
  maxQueued: number;
  /** Close the tab when messages have waited this long without anything being sent. */
  stallMs: number;
  /** After closing a tab that is behind, how long its close frame may take before the socket is cut. */
  closeGraceMs: number;
}

export const OUTBOX_LIMITS: OutboxLimits = {
  sendBelow: 1 << 20,
  maxQueued: 4 << 20,
  stallMs: 60_000,
  closeGraceMs: 5000,
};

/** The bytes of a message, or how to make them: encoded only if and when sent (or queued to arrive). */
export type Payload = Buffer | (() => Buffer);
const bytesOf = (p: Payload): Buffer => (typeof p === 'function' ? p() : p);

interface Waiting {
  payload: Payload;
  /** Set for latest-wins messages: a newer message with the same key replaces this one. */
  key?: string;
}

export class Outbox {
  private readonly waiting: Waiting[] = [];
  private readonly byKey = new Map<string, Waiting>();
  private mustArriveBytes = 0;
  private stalledSince = 0;
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly limits: OutboxLimits = OUTBOX_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Queues a message; `latestKey` marks it as replaceable by a newer one with the same key. A latest-wins
   * message given as a function is never encoded when a newer one replaces it before it is sent.
   */
  push(payload: Payload, latestKey?: string): void {
    if (this.closed) return;
    if (this.waiting.length === 0 && this.ws.bufferedAmount < this.limits.sendBelow) {
      this.write(payload);
      return;
    }
    if (this.waiting.length === 0) this.stalledSince = this.now();
    const older = latestKey === undefined ? undefined : this.byKey.get(latestKey);
    if (older) older.payload = payload;
    else this.enqueue({ payload, key: latestKey });
    this.flush();
    this.closeIfTooFarBehind();
  }

  /** Forgets whatever waits (the socket closed). */
  dispose(): void {
    this.closed = true;
    this.waiting.length = 0;
    this.byKey.clear();
    this.mustArriveBytes = 0;
  }

  private enqueue(w: Waiting): void {
    if (w.key === undefined) {
      w.payload = bytesOf(w.payload);
      this.mustArriveBytes += w.payload.length;
    } else this.byKey.set(w.key, w);
    this.waiting.push(w);
  }

  private flush(): void {
    while (!this.closed && this.waiting.length > 0 && this.ws.bufferedAmount < this.limits.sendBelow) {
      const w = this.waiting.shift()!;
      if (w.key === undefined) this.mustArriveBytes -= (w.payload as Buffer).length;
      else this.byKey.delete(w.key);
      this.write(w.payload);
    }
  }

  private write(payload: Payload): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    const bytes = bytesOf(payload);
    this.ws.send(bytes, { binary: isBinaryPayload(bytes) }, (err) => {
      if (err || this.closed) return;
      this.stalledSince = this.now(); // progress: the kernel took the bytes
      this.flush();
    });
  }

  private closeIfTooFarBehind(): void {
    const over = this.mustArriveBytes > this.limits.maxQueued;
    const stalled = this.waiting.length > 0 && this.now() - this.stalledSince > this.limits.stallMs;
    if (!over && !stalled) return;
    const mb = (this.mustArriveBytes / 2 ** 20).toFixed(1);
    this.dispose();
    // A tab that reads nothing never reads the close frame either: drop it after a grace period.
    setTimeout(() => this.ws.terminate(), this.limits.closeGraceMs).unref();
    // A close reason must fit in 123 bytes.
    this.ws.close(
      CLOSE_TOO_FAR_BEHIND,
      over
        ? `SOM Lab: this tab fell ${mb} MB behind; reconnect to re-read runs from disk`
        : 'SOM Lab: this tab stopped reading; reconnect to re-read runs from disk',
    );
  }
}
