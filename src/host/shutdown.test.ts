/**
 * Shutdown (lab server SIGINT/SIGTERM, Electron quit: both call LabHost.close): trainers asked to stop,
 * one that cannot (its step holds the main thread) killed after the grace period and its run marked
 * interrupted before close returns; queued runs dropped; stale temp files gone; no run left `running`.
 */
import { spawn } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../shared/events';
import { listRuns, readRecord } from '../engine/runs';
import { COLOURS_SPEC, newProject, useTempDirs } from '../engine/runs/runs.test-helper';
import { LabHost } from './lab-host';
import { forkTransport, type TrainerTransport } from './trainer-child';

const tempDir = useTempDirs();
const FIXTURE = pathToFileURL(
  fileURLToPath(new URL('../engine/train/fake-trainer.test-helper.ts', import.meta.url)),
).href;

/** Trainers of the fake builder, each in the next mode: slow (stops when asked) or block (each step 20 s). */
const MODES: string[] = [];
const transport: TrainerTransport = (o) =>
  forkTransport({
    ...o,
    execArgv: ['--import', FIXTURE],
    env: { ...process.env, SOMLAB_FAKE_MODE: MODES.shift(), SOMLAB_BLOCK_MS: '20000' },
  });

describe('LabHost.close', () => {
  it(
    'stops, kills after the grace period and marks, drops the queue, removes stale temp files',
    { timeout: 60_000 },
    async () => {
      const project = await newProject(tempDir);
      const host = new LabHost({ dataRoots: [], projectRoots: null, transport, maxTrainers: 2 });
      await host.calls['project:open'](project);
      const events: RunEvent[] = [];
      host.onRunEvent((e) => events.push(e));
      const metricsOf = (id: string) => events.some((e) => e.type === 'metrics' && e.runId === id);
      MODES.push('slow', 'block');
      const slow = await host.calls['runs:start'](COLOURS_SPEC);
      const blocked = await host.calls['runs:start'](COLOURS_SPEC);
      const queued = await host.calls['runs:start'](COLOURS_SPEC);
      while (!metricsOf(slow) || !events.some((e) => e.type === 'run-started' && e.runId === blocked))
        await new Promise((r) => setTimeout(r, 20));
      // A temp file left by a writer that died mid-write (a pid that has exited).
      const dead = spawn(process.execPath, ['-e', '0']);
      await new Promise((r) => dead.on('exit', r));
      const stale = join(project, 'runs', slow, `.run.json.${dead.pid}.0a1b2c3d.tmp`);
      await writeFile(stale, '{');

      const t0 = Date.now();
      const r = await host.shutdown(1000);
      const ms = Date.now() - t0;
      console.log(`shutdown: ${r.stopped} stopped, ${r.killed} killed, ${r.tmpRemoved} temp removed in ${ms} ms`);
      expect(r).toEqual({ stopped: 1, killed: 1, tmpRemoved: 1 });
      expect(ms).toBeGreaterThanOrEqual(1000); // the blocked trainer had its grace period
      const runs = await listRuns(project);
      expect(runs.map((x) => x.id).sort()).toEqual([slow, blocked].sort()); // the queued run never started
      expect(runs.find((x) => x.status === 'running')).toBeUndefined();
      expect((await readRecord(join(project, 'runs', slow))).status).toBe('stopped');
      expect(await readRecord(join(project, 'runs', blocked))).toMatchObject({
        status: 'interrupted',
        error: 'the host shut down and the trainer did not stop within 1.0 s',
      });
      expect(events.some((e) => e.runId === queued)).toBe(false);
      expect((await readdir(join(project, 'runs', slow))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
  );
});
