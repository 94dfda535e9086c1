/**
 * Post-mortem for a trainer that died without saying so (killed, crashed, out of memory): the host marks
 * its run `interrupted` with the reason, so the run reads as what happened rather than as "running".
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { RunRecord } from '../../shared/project';
import type { ExperimentSpec } from '../../shared/spec';
import { writeJsonAtomic } from './atomic';
import { runDir, runFiles, runsDir } from './paths';
import { readRecord } from './read-runs';

/**
 * Rewrites run.json of a run still marked "running" as interrupted. A run that already ended is left alone.
 * When the trainer died before creating the run folder, `spec` lets the run appear anyway, with the error.
 * Returns the status the run has afterwards (undefined when there is nothing on disk and no spec).
 */
export async function markInterrupted(
  projectDir: string,
  id: string,
  error: string,
  spec?: ExperimentSpec,
): Promise<RunRecord['status'] | undefined> {
  const dir = runDir(projectDir, id);
  const files = runFiles(dir);
  const now = new Date().toISOString();
  let rec: RunRecord;
  if (existsSync(files.record)) {
    rec = await readRecord(dir);
  } else {
    if (!spec) return undefined;
    await mkdir(runsDir(projectDir), { recursive: true });
    await mkdir(dir, { recursive: true });
    await writeJsonAtomic(files.spec, spec);
    rec = {
      id,
      name: spec.name,
      kind: spec.kind,
      preset: spec.preset,
      status: 'running',
      versions: {},
      startedAt: now,
      finalMetrics: {},
    };
  }
  if (rec.status !== 'running') return rec.status;
  await writeJsonAtomic(files.record, { ...rec, status: 'interrupted', error, endedAt: now, updatedAt: now });
  return 'interrupted';
}
