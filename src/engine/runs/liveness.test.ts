import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../shared/project';
import { heartbeatAge, withLiveness } from './liveness';

// A pid that surely ran and is gone: a child that has already exited.
const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
const now = Date.parse('2026-01-01T12:00:00Z');
const running = (host: string, beatAgoMs: number): RunRecord => ({
  id: 'r',
  kind: 'som',
  status: 'running',
  versions: {},
  startedAt: new Date(now - 600_000).toISOString(),
  updatedAt: new Date(now - beatAgoMs).toISOString(),
  pid: deadPid,
  host,
  finalMetrics: {},
});

describe('liveness across machines', () => {
  it('on this machine a dead pid means interrupted, however fresh the beat', () => {
    const r = withLiveness(running(hostname(), 1000), { now });
    expect(r.status).toBe('interrupted');
    expect(r.error).toBe(`trainer process ${deadPid} is no longer running`);
  });

  it('on another machine the pid is not probed: a fresh beat is running, a stale one interrupted', () => {
    expect(withLiveness(running('node-07', 1000), { now }).status).toBe('running');
    const stale = withLiveness(running('node-07', 61_000), { now });
    expect(stale.status).toBe('interrupted');
    expect(stale.error).toBe('no heartbeat from node-07 since 2026-01-01T11:58:59.000Z');
  });

  it('the heartbeat file counts when newer than the record', () => {
    const rec = running('node-07', 120_000);
    expect(heartbeatAge(rec, { now }, now - 2000)).toBe(2000);
    expect(withLiveness(rec, { now }, now - 2000).status).toBe('running');
    expect(heartbeatAge(rec, { now })).toBe(120_000);
  });
});
