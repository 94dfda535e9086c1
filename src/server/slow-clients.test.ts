/**
 * Issue 9, item 3: three tabs that never read while a run streams big snapshots. The server's memory
 * must stay bounded (snapshots are coalesced per tab, payloads shared), a tab that reads gets every
 * metric row in order, and the memory held for the stuck tabs is let go when they leave.
 */
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { decodeMessage } from '../shared/wire-frame';
import type { RunEvent } from '../shared/events';
import { upgradeRequest } from './frames.test-helper';
import { openSocket, tempChildLab, stuckTab, type ChildLab } from './lab-child.test-helper';
import type { ChildStats } from './lab-child-main.test-helper';

const MB = 2 ** 20;
/** 250 ticks of a 64k-float snapshot (~350 KB on the wire), winners and 20 metric rows: ~87 MB per tab. */
const FLOOD = { ticks: 250, tickMs: 20, snapshotFloats: 65_536, rowsPerTick: 20 };

let lab: ChildLab;
beforeAll(async () => {
  lab = await tempChildLab('slow');
});
afterAll(() => lab?.stop());

/** What a reading tab saw: metric row steps in arrival order, snapshot steps. */
function watch(ws: WebSocket): { rows: number[]; snapshots: number[] } {
  const seen = { rows: [] as number[], snapshots: [] as number[] };
  ws.on('message', (raw, isBinary) => {
    const m = decodeMessage(raw as Buffer, isBinary);
    if (!('event' in m)) return;
    const e: RunEvent = m.event;
    if (e.type === 'metrics') seen.rows.push(...e.rows.map((r) => r.step));
    if (e.type === 'som-snapshot') seen.snapshots.push(e.snapshot.step);
  });
  return seen;
}

describe('slow clients', () => {
  it('keep the server bounded, lose no metric row for a tab that reads, and are let go', async () => {
    const before = await lab.stats();
    const stuck: Socket[] = await Promise.all([1, 2, 3].map(() => stuckTab(lab.port, upgradeRequest(lab.token))));
    const reader = await openSocket(lab.port, lab.token);
    const seen = watch(reader);
    let peak: ChildStats = before;
    const sampler = setInterval(() => void lab.stats().then((s) => (peak = s.rss > peak.rss ? s : peak)), 200);
    const after = await lab.flood(FLOOD);
    clearInterval(sampler);
    peak = after.rss > peak.rss ? after : peak;

    const grew = (peak.rss - before.rss) / MB;
    console.log(
      `slow clients: RSS ${(before.rss / MB).toFixed(0)} MB before, peak ${(peak.rss / MB).toFixed(0)} MB ` +
        `(+${grew.toFixed(0)} MB) with 3 stuck tabs over ${(FLOOD.ticks * FLOOD.tickMs) / 1000} s of ~17 MB/s`,
    );
    expect(grew).toBeLessThan(45); // unbounded (no outbox): +74 to +113 MB on this machine
    expect(peak.rss / MB).toBeLessThan(150);

    // The reading tab: every row, in order; snapshots to the last one.
    const total = FLOOD.ticks * FLOOD.rowsPerTick;
    for (let i = 0; i < 100 && seen.rows.length < total; i++) await new Promise((r) => setTimeout(r, 50));
    expect(seen.rows).toEqual(Array.from({ length: total }, (_, i) => i));
    expect(seen.snapshots.at(-1)).toBe(FLOOD.ticks - 1);

    // The stuck tabs leave: their outboxes and buffers go with them.
    for (const s of stuck) s.destroy();
    reader.terminate();
    let left = await lab.stats();
    for (let i = 0; i < 50 && left.tabs > 0; i++) left = await new Promise((r) => setTimeout(() => r(lab.stats()), 50));
    expect(left.tabs).toBe(0);
    expect((left.arrayBuffers - before.arrayBuffers) / MB).toBeLessThan(8);
  });
});
