import { describe, expect, it } from 'vitest';
import type { RunEvent, TrainerCommand } from '../shared/events';
import { parseSpec } from '../shared/validate';
import { listRuns } from '../engine/runs';
import { COLOURS_SPEC, newProject, useTempDirs } from '../engine/runs/runs.test-helper';
import { launchTrainer } from './launch-trainer';
import type { ChildExit, TrainerChild, TrainerTransport } from './trainer-child';

const tempDir = useTempDirs();
const spec = parseSpec(COLOURS_SPEC);

/** A stand-in process: the test plays the trainer (messages) and the OS (exit). */
function standIn() {
  const sent: TrainerCommand[] = [];
  let message: (m: unknown) => void = () => undefined;
  let exit: (e: ChildExit) => void = () => undefined;
  const child: TrainerChild = {
    pid: 4242,
    send: (c) => void sent.push(c),
    onMessage: (fn) => void (message = fn),
    onExit: (fn) => void (exit = fn),
    kill: () => exit({ code: null, signal: 'SIGKILL' }),
  };
  const transport: TrainerTransport = () => child;
  return { sent, transport, say: (m: unknown) => message(m), exit: (e: ChildExit) => exit(e) };
}

async function launch(projectDir: string) {
  const s = standIn();
  const events: RunEvent[] = [];
  const handle = launchTrainer({
    spec,
    projectDir,
    dataRoots: ['/data'],
    runId: 'r1',
    heartbeatMs: 250,
    transport: s.transport,
    onEvent: (e) => void events.push(e),
  });
  return { ...s, events, handle };
}

describe('launchTrainer against a stand-in transport', () => {
  it('sends the start command, forwards controls, and relays only well-formed events of its run', async () => {
    const t = await launch(await newProject(tempDir));
    expect(t.sent[0]).toMatchObject({ type: 'start', runId: 'r1', spec, dataRoots: ['/data'], heartbeatMs: 250 });
    t.handle.pause();
    t.handle.resume();
    t.handle.requestSnapshot();
    t.handle.stop();
    expect(t.sent.slice(1).map((c) => c.type)).toEqual(['pause', 'resume', 'snapshot', 'stop']);
    for (const junk of [null, 'x', { type: 'metrics' }, { runId: 'r1' }, { type: 'log', v: 1, runId: 'other' }])
      t.say(junk);
    t.say({ type: 'run-created', v: 1, runId: 'r1', startedAt: 'now' });
    expect(await t.handle.created).toBe(true);
    t.say({ type: 'finished', v: 1, runId: 'r1', status: 'stopped', finalMetrics: {}, endedAt: 'now' });
    t.exit({ code: 0, signal: null });
    expect(await t.handle.exited).toBe(0);
    expect(t.events.map((e) => e.type)).toEqual(['run-created', 'finished']);
  });

  it('marks the run interrupted and emits failed when the process dies without an end', async () => {
    const project = await newProject(tempDir);
    const t = await launch(project);
    t.handle.kill();
    expect(await t.handle.exited).toBe(137);
    expect(await t.handle.created).toBe(false);
    expect(t.events).toEqual([
      expect.objectContaining({ type: 'failed', error: 'trainer process exited with signal SIGKILL' }),
    ]);
    // Died before writing anything: the run still appears, from the spec, with the reason.
    expect((await listRuns(project))[0]).toMatchObject({ id: 'r1', status: 'interrupted', kind: 'som' });
  });

  it('reports a process that could not start (utilityProcess exits with a code only)', async () => {
    const project = await newProject(tempDir);
    const t = await launch(project);
    t.exit({ code: null, signal: null, spawnError: new Error('spawn ENOENT') });
    expect(await t.handle.exited).toBe(1);
    expect(t.events.at(-1)).toMatchObject({ type: 'failed', error: 'trainer process could not start: spawn ENOENT' });
    const u = await launch(await newProject(tempDir));
    u.exit({ code: 5, signal: null });
    expect(await u.handle.exited).toBe(5);
    expect(u.events.at(-1)).toMatchObject({ type: 'failed', error: 'trainer process exited with code 5' });
  });
});
