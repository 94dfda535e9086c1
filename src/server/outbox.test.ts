import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { CLOSE_TOO_FAR_BEHIND } from '../shared/wire';
import { Outbox, type OutboxLimits } from './outbox';

/** A socket whose unsent bytes the test controls; `drain()` lets the kernel take everything. */
class FakeSocket {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  sent: string[] = [];
  closed: { code: number; reason: string } | null = null;
  private callbacks: (() => void)[] = [];
  send(payload: Buffer, _o: object, cb: (err?: Error) => void): void {
    this.sent.push(payload.toString());
    this.bufferedAmount += payload.length;
    this.callbacks.push(() => cb());
  }
  drain(): void {
    this.bufferedAmount = 0;
    const cbs = this.callbacks.splice(0);
    cbs.forEach((cb) => cb());
  }
  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }
  terminate(): void {
    this.readyState = 3;
  }
}

const LIMITS: OutboxLimits = { sendBelow: 100, maxQueued: 1000, stallMs: 60_000, closeGraceMs: 10 };
const make = (limits = LIMITS, now = () => 0) => {
  const ws = new FakeSocket();
  return { ws, box: new Outbox(ws as unknown as WebSocket, limits, now) };
};
const msg = (text: string): Buffer => Buffer.from(text);

describe('Outbox', () => {
  it('sends at once while the tab keeps up', () => {
    const { ws, box } = make();
    box.push(msg('a'));
    box.push(msg('b'));
    expect(ws.sent).toEqual(['a', 'b']);
  });

  it('holds messages while the tab is behind and sends them in order when it catches up', () => {
    const { ws, box } = make();
    box.push(msg('x'.repeat(150))); // now 150 bytes unsent: over sendBelow
    box.push(msg('row-1'));
    box.push(msg('row-2'));
    expect(ws.sent).toHaveLength(1);
    ws.drain();
    expect(ws.sent.slice(1)).toEqual(['row-1', 'row-2']);
  });

  it('keeps only the newest latest-wins message per key, in the older one’s place', () => {
    const { ws, box } = make();
    box.push(msg('x'.repeat(150)));
    box.push(msg('snap-1'), 'run/som');
    box.push(msg('row-1'));
    box.push(msg('snap-2'), 'run/som');
    box.push(msg('win-1'), 'run/winners');
    box.push(msg('snap-3'), 'run/som');
    ws.drain();
    expect(ws.sent.slice(1)).toEqual(['snap-3', 'row-1', 'win-1']);
  });

  it('closes a tab that has more than maxQueued bytes of must-arrive messages waiting, with a reason', async () => {
    const { ws, box } = make();
    box.push(msg('x'.repeat(150)));
    for (let i = 0; i < 12; i++) box.push(msg('r'.repeat(100)));
    expect(ws.closed?.code).toBe(CLOSE_TOO_FAR_BEHIND);
    expect(ws.closed?.reason).toMatch(/^SOM Lab: this tab fell 0\.0 MB behind; reconnect to re-read runs from disk$/);
    expect(Buffer.byteLength(ws.closed!.reason)).toBeLessThanOrEqual(123);
    box.push(msg('late')); // nothing more is queued or sent
    ws.drain();
    expect(ws.sent).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(ws.readyState).toBe(3); // cut after the grace period: a stuck tab never reads the close frame
  });

  it('never closes a tab for latest-wins messages alone, however many arrive', () => {
    const { ws, box } = make();
    box.push(msg('x'.repeat(150)));
    for (let i = 0; i < 10_000; i++) box.push(msg(`snap-${i}`.padEnd(500)), 'run/som');
    expect(ws.closed).toBeNull();
    ws.drain();
    expect(ws.sent.slice(1).map((s) => s.trim())).toEqual(['snap-9999']);
  });

  it('closes a tab that made no progress for stallMs while messages waited', () => {
    let t = 0;
    const { ws, box } = make(LIMITS, () => t);
    box.push(msg('x'.repeat(150)));
    box.push(msg('row'));
    t = 59_000;
    box.push(msg('row'));
    expect(ws.closed).toBeNull();
    t = 61_000;
    box.push(msg('row'));
    expect(ws.closed).toEqual({ code: CLOSE_TOO_FAR_BEHIND, reason: expect.stringMatching(/stopped reading/) });
  });
});

describe('Outbox with lazy payloads', () => {
  it('never encodes a latest-wins message that a newer one replaced before it was sent', () => {
    const { ws, box } = make();
    const encoded: string[] = [];
    const lazy = (text: string) => () => (encoded.push(text), msg(text));
    box.push(msg('x'.repeat(150)));
    box.push(lazy('snap-1'), 'run/som');
    box.push(lazy('snap-2'), 'run/som');
    expect(encoded).toEqual([]);
    ws.drain();
    expect(encoded).toEqual(['snap-2']);
    expect(ws.sent.at(-1)).toBe('snap-2');
  });
});
