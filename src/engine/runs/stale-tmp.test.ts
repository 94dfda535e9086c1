import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPidAlive } from './liveness';
import { listTree, newProject, useTempDirs } from './runs.test-helper';
import { removeStaleTmp, tmpWriter } from './stale-tmp';

const tempDir = useTempDirs();

/** The pid of a process that has exited (its temp files are stale). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => child.on('exit', r));
  expect(isPidAlive(child.pid!)).toBe(false);
  return child.pid!;
}

describe('stale temp files', () => {
  it('removes only temp files whose writer is gone, anywhere a run writes, and nothing else', async () => {
    const project = await newProject(tempDir);
    const dead = await deadPid();
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      const run = join(project, 'runs', 'r1');
      await mkdir(join(run, 'snapshots'), { recursive: true });
      const files = {
        [`runs/r1/.run.json.${dead}.0a1b2c3d.tmp`]: 'stale',
        [`runs/r1/snapshots/.som-3.json.${dead}.deadbeef.tmp`]: 'stale',
        [`runs/r1/.run.json.${live.pid}.11112222.tmp`]: 'a live trainer writing',
        [`runs/r1/.meta.json.${process.pid}.33334444.tmp`]: 'this host writing',
        'runs/r1/run.json': '{}',
        [`runs/r1/notes.${dead}.0a1b2c3d.tmp`]: 'not one of ours (no leading dot)',
      };
      for (const [f, text] of Object.entries(files)) await writeFile(join(project, f), text);
      const removed = await removeStaleTmp(project);
      expect(removed.sort()).toEqual([
        `runs/r1/.run.json.${dead}.0a1b2c3d.tmp`,
        `runs/r1/snapshots/.som-3.json.${dead}.deadbeef.tmp`,
      ]);
      expect(await listTree(project)).toEqual(
        ['somlab.json', ...Object.keys(files).filter((f) => !removed.includes(f))].sort(),
      );
    } finally {
      live.kill();
    }
  });

  it('reads the writer from the names atomic.ts gives', () => {
    expect(tmpWriter('.run.json.4242.0a1b2c3d.tmp')).toBe(4242);
    expect(tmpWriter('run.json')).toBeUndefined();
    expect(tmpWriter('.run.json.x.0a1b2c3d.tmp')).toBeUndefined();
  });
});
