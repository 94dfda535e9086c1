import { describe, expect, it } from 'vitest';
import { RunControl } from './control';

const settled = async (p: Promise<void>): Promise<boolean> => {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setImmediate(r));
  return done;
};

describe('RunControl', () => {
  it('announces each real state change once', () => {
    const c = new RunControl();
    const states: string[] = [];
    const off = c.onState((s) => states.push(s));
    c.resume();
    c.pause();
    c.pause();
    c.resume();
    c.resume();
    off();
    c.pause();
    expect(states).toEqual(['paused', 'running']);
  });

  it('waits while paused and wakes on resume, stop or a snapshot request', async () => {
    const c = new RunControl();
    expect(await settled(c.waitIfPaused())).toBe(true);
    c.pause();
    const w1 = c.waitIfPaused();
    expect(await settled(w1)).toBe(false);
    c.requestSnapshot();
    expect(await settled(w1)).toBe(true);
    expect(c.takeSnapshotRequest()).toBe(true);
    expect(c.takeSnapshotRequest()).toBe(false);
    expect(c.paused).toBe(true);
    const w2 = c.waitIfPaused();
    c.stop();
    expect(await settled(w2)).toBe(true);
    expect(c.stopped).toBe(true);
    expect(c.paused).toBe(false);
  });

  it('ignores pause after stop', () => {
    const c = new RunControl();
    const states: string[] = [];
    c.onState((s) => states.push(s));
    c.stop();
    c.pause();
    expect(c.paused).toBe(false);
    expect(states).toEqual([]);
  });
});
