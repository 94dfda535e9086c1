import { describe, expect, it } from 'vitest';
import { quitAfterHostCloses } from './quit';
import { FakeApp } from './electron-standins.test-helper';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('quitting', () => {
  it('holds the quit until the host has closed, then quits once', async () => {
    const app = new FakeApp();
    let release!: () => void;
    let closes = 0;
    quitAfterHostCloses(app, () => (closes++, new Promise<void>((r) => (release = r))));
    app.quit();
    app.quit(); // a second Cmd+Q while closing
    await tick();
    expect(closes).toBe(1);
    expect(app.exits).toEqual([]); // still waiting: trainers are stopping
    release();
    await tick();
    expect(app.quits).toBe(3); // the two asks, then the one after closing
    expect(app.exits).toEqual([0]);
  });

  it('quits after a failed close too, saying why', async () => {
    const app = new FakeApp();
    const log: string[] = [];
    quitAfterHostCloses(app, () => Promise.reject(new Error('disk full')), { log: (m) => log.push(m) });
    app.quit();
    await tick();
    expect(app.exits).toEqual([0]);
    expect(log).toEqual(['somlab: closing the lab failed: disk full']);
  });

  it('exits with an error when closing hangs past the deadline', async () => {
    const app = new FakeApp();
    const log: string[] = [];
    quitAfterHostCloses(app, () => new Promise(() => {}), { deadlineMs: 20, log: (m) => log.push(m) });
    app.quit();
    await new Promise((r) => setTimeout(r, 60));
    expect(app.exits).toEqual([1]);
    expect(log[0]).toMatch(/did not close within 0.02 s/);
  });
});
