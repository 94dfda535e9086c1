/**
 * The lab watches its project: a run that a second process writes (forked here, writing through the engine's
 * run store as a trainer on another node would) shows up as run-created, run-started, metrics, som-snapshot
 * and finished events from the LabHost — with fs.watch and with polling — each metric row once, in order;
 * runs the host launched itself are not reported twice; a run whose writer dies is reported failed.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../shared/events';
import type { MetricRow } from '../shared/run-types';
import { readMetrics } from '../engine/runs/metrics-file';
import { COLOURS_SPEC, newProject, useTempDirs } from '../engine/runs/runs.test-helper';
import { LabHost } from './lab-host';
import { forkTransport } from './trainer-child';
import type { WatchMode } from './project-watch';
import type { WriterStep } from './foreign-run.test-helper';

const WRITER = fileURLToPath(new URL('./foreign-run.test-helper.ts', import.meta.url));
const FAKE_TRAINER = fileURLToPath(new URL('../engine/train/fake-trainer.test-helper.ts', import.meta.url));
const tempDir = useTempDirs();
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function writer(): { step(s: WriterStep): Promise<void>; child: ChildProcess } {
  const child = fork(WRITER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  cleanup.push(() => void child.kill());
  const step = (s: WriterStep) =>
    new Promise<void>((resolve, reject) => {
      child.once('message', (m: { done?: string; error?: string }) =>
        m.error ? reject(new Error(m.error)) : resolve(),
      );
      child.send(s);
    });
  return { step, child };
}

async function watchingHost(mode: WatchMode) {
  const project = await newProject(tempDir);
  const host = new LabHost({
    dataRoots: null,
    projectRoots: null,
    watch: { mode, pollMs: 100 },
    transport: (o) => forkTransport({ ...o, execArgv: ['--import', FAKE_TRAINER, ...(o.execArgv ?? [])] }),
  });
  cleanup.push(() => host.close(500));
  await host.call('project:open', [project]);
  await host.watch.ready();
  const events: RunEvent[] = [];
  host.onRunEvent((e) => void events.push(e));
  /** Resolves once an event of `type` for `id` has come (at most 10 s). */
  const until = async (id: string, type: RunEvent['type']): Promise<RunEvent> => {
    for (let t = Date.now(); Date.now() - t < 10_000; await new Promise((r) => setTimeout(r, 20))) {
      const e = events.find((x) => x.runId === id && x.type === type);
      if (e) return e;
    }
    throw new Error(`no ${type} for ${id}; got ${events.map((e) => e.type).join(', ')}`);
  };
  const of = (id: string) => events.filter((e) => e.runId === id);
  return { project, host, events, until, of };
}

const rows = (from: number, to: number): MetricRow[] =>
  Array.from({ length: to - from }, (_, k) => ({
    step: from + k,
    epoch: 0,
    t: 10 * (from + k),
    qe: 1 / (from + k + 1),
  }));
const metricRows = (es: RunEvent[]) => es.flatMap((e) => (e.type === 'metrics' ? e.rows : []));

describe.each(['watch', 'poll'] as const)('a run written by another process (%s)', (mode) => {
  it('streams to the host as the events a trainer emits, each row once', async () => {
    const lab = await watchingHost(mode);
    const w = writer();
    const id = 'foreign-run-1';
    await w.step({ do: 'create', project: lab.project, spec: COLOURS_SPEC, id });
    expect((await lab.until(id, 'run-created')).type).toBe('run-created');
    await w.step({ do: 'backend' });
    const started = await lab.until(id, 'run-started');
    expect(started.type === 'run-started' && [started.backend.name, started.totalSteps]).toEqual(['cpu', 6]);
    expect(started.type === 'run-started' && started.spec).toMatchObject({ kind: 'som', som: { rows: 2, cols: 3 } });

    await w.step({ do: 'metrics', rows: rows(0, 3) });
    await lab.until(id, 'metrics');
    // Half a line (a writer caught mid-append) waits until its newline arrives.
    const rest = rows(3, 6)
      .map((r) => JSON.stringify(r) + '\n')
      .join('');
    await w.step({ do: 'raw', text: rest.slice(0, 30) });
    await new Promise((r) => setTimeout(r, 400));
    expect(metricRows(lab.of(id))).toEqual(rows(0, 3));
    await w.step({ do: 'raw', text: rest.slice(30) });
    await w.step({ do: 'snapshot', step: 5 });
    const snap = await lab.until(id, 'som-snapshot');
    expect(snap.type === 'som-snapshot' && [snap.snapshot.step, snap.snapshot.codebook[4]]).toEqual([
      5,
      Math.fround(5.4),
    ]);
    await w.step({ do: 'finish', finalMetrics: { qe: 0.125 } });
    const fin = await lab.until(id, 'finished');
    expect(fin.type === 'finished' && [fin.status, fin.finalMetrics]).toEqual(['finished', { qe: 0.125 }]);

    expect(metricRows(lab.of(id))).toEqual(rows(0, 6));
    const types = lab.of(id).map((e) => e.type);
    expect(types.filter((t) => t !== 'metrics')).toEqual(['run-created', 'run-started', 'som-snapshot', 'finished']);
    // Nothing more after the end: the run is no longer followed.
    expect((await lab.host.watch.ready())!.following).toEqual([]);
  }, 30_000);
});

describe('the project watcher', () => {
  it('does not report the runs the host launched a second time', async () => {
    const lab = await watchingHost('poll');
    const id = (await lab.host.call('runs:start', [COLOURS_SPEC])) as string;
    await lab.until(id, 'finished');
    await new Promise((r) => setTimeout(r, 400)); // a few polls after the end
    const types = lab.of(id).map((e) => e.type);
    expect(types.filter((t) => t === 'run-created')).toHaveLength(1);
    expect(types.filter((t) => t === 'finished')).toHaveLength(1);
    // Every row the trainer wrote, once (a trainer may write two rows at one step: training and evaluation).
    const onDisk = await readMetrics(join(lab.project, 'runs', id, 'metrics.ndjson'));
    expect(onDisk.length).toBeGreaterThan(0);
    expect(metricRows(lab.of(id))).toEqual(onDisk);
  }, 30_000);

  it('follows a run already running from where it is; a writer that dies is reported failed', async () => {
    const project = await newProject(tempDir);
    const w = writer();
    const id = 'foreign-run-2';
    await w.step({ do: 'create', project, spec: COLOURS_SPEC, id });
    await w.step({ do: 'backend' });
    await w.step({ do: 'metrics', rows: rows(0, 2) });
    const lab = await watchingHost('poll');
    await lab.host.call('project:open', [project]);
    await lab.host.watch.ready();
    expect((await lab.host.watch.ready())!.following).toEqual([id]);
    await w.step({ do: 'metrics', rows: rows(2, 4) });
    await lab.until(id, 'metrics');
    expect(metricRows(lab.of(id))).toEqual(rows(2, 4)); // rows 0–1 are read from disk by runs:get
    w.child.kill('SIGKILL');
    const failed = await lab.until(id, 'failed');
    expect(failed.type === 'failed' && failed.error).toMatch(/trainer process \d+ is no longer running/);
    expect(lab.of(id).map((e) => e.type)).not.toContain('run-created');
  }, 30_000);
});
