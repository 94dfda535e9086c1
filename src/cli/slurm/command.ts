/** `somlab slurm status|cancel|resubmit [SWEEP_ID]`: a sweep's Slurm tasks, after `somlab sweep --executor slurm`. */
import { resolve } from 'node:path';
import { listSweepIds, readSweep } from '../../engine/runs';
import type { CliArgs } from '../args';
import {
  cancel,
  follow,
  readSubmissionsOf,
  report,
  resubmitFailed,
  tasksOf,
  tasksTable,
  type SavedSweep,
} from './submit';

/** The named sweep, or the one submitted last when no id is given. */
async function savedSweep(projectDir: string, id: string | undefined): Promise<SavedSweep> {
  if (id) return { id, projectDir, sweep: await readSweep(projectDir, id) };
  let latest: { id: string; at: string } | undefined;
  for (const sid of await listSweepIds(projectDir)) {
    const at = (await readSubmissionsOf(projectDir, sid)).at(-1)?.submittedAt;
    if (at && (!latest || at > latest.at)) latest = { id: sid, at };
  }
  if (!latest) throw new Error(`no sweep of ${projectDir} was submitted to Slurm: give its id`);
  return { id: latest.id, projectDir, sweep: await readSweep(projectDir, latest.id) };
}

export async function slurmCommand(args: CliArgs): Promise<number> {
  const s = await savedSweep(resolve(args.project), args.sweepId);
  switch (args.slurmAction!) {
    case 'status': {
      const tasks = await tasksOf(s.projectDir, s.id, s.sweep);
      if (args.json) console.log(JSON.stringify(tasks, null, 2));
      else console.log(`sweep ${s.id} (${s.sweep.name})\n${tasksTable(tasks)}`);
      return 0;
    }
    case 'cancel': {
      const jobs = await cancel(s);
      console.log(jobs.length ? `cancelled job ${jobs.join(', ')}` : `sweep ${s.id} has no task waiting or running`);
      return 0;
    }
    case 'resubmit': {
      const { jobId, indices } = await resubmitFailed(s);
      if (!jobId) {
        console.log(`sweep ${s.id}: no failed task to re-submit`);
        return 0;
      }
      console.log(
        `sweep ${s.id}: re-submitted ${indices.length} failed task(s) (${indices.join(', ')}) as job ${jobId}`,
      );
      return args.detach ? 0 : report(s, await follow(s));
    }
  }
}
