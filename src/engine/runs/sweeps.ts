/**
 * A project's sweeps on disk: `sweeps/<id>/sweep.json` is the sweep as it was run (a preset's sweep
 * converted, the --epochs/--backend overrides applied), so a Slurm task on another machine and the lab read
 * the same variants. Executors keep their own files beside it (`sweeps/<id>/slurm/`).
 */
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunSummary } from '../../shared/project';
import { sweepId } from '../../shared/sweep';
import { parseSweepSpec, type SweepSpec } from '../../shared/sweep-spec';
import { writeJsonAtomic } from './atomic';
import { assertRunId } from './paths';

export const sweepsDir = (projectDir: string): string => join(projectDir, 'sweeps');

/** The folder of sweep `id` (validated like a run id: a plain name, never a path). */
export function sweepDir(projectDir: string, id: string): string {
  assertRunId(id);
  return join(sweepsDir(projectDir), id);
}

export const sweepFile = (projectDir: string, id: string): string => join(sweepDir(projectDir, id), 'sweep.json');

/** Writes the sweep into the project (same content, same id: saving again changes nothing). */
export async function saveSweep(projectDir: string, sweep: SweepSpec): Promise<{ id: string; file: string }> {
  const id = sweepId(sweep);
  await mkdir(sweepDir(projectDir, id), { recursive: true });
  const file = sweepFile(projectDir, id);
  await writeJsonAtomic(file, sweep);
  return { id, file };
}

/** Reads a sweep file (the project's copy or the user's own), naming the file in every error. */
export async function readSweepFile(file: string): Promise<SweepSpec> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(
      err.code ? `cannot read sweep file ${file}: ${err.code}` : `sweep file ${file} is not JSON: ${err.message}`,
    );
  }
  return parseSweepSpec(raw, `sweep file ${file}`);
}

export const readSweep = (projectDir: string, id: string): Promise<SweepSpec> =>
  readSweepFile(sweepFile(projectDir, id));

/** Ids of the project's sweeps (folders holding a sweep.json), in name order. */
export async function listSweepIds(projectDir: string): Promise<string[]> {
  const entries = await readdir(sweepsDir(projectDir), { withFileTypes: true }).catch(() => []);
  const ids: string[] = [];
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    try {
      assertRunId(e.name);
    } catch {
      continue; // litter, never a sweep of ours
    }
    ids.push(e.name);
  }
  return ids.sort();
}

/**
 * The run that stands for each variant of a sweep: the newest one with that index (a re-submitted variant's
 * new run replaces the failed one). Runs come newest first from listRuns.
 */
export function runsByVariant(runs: readonly RunSummary[], id: string): Map<number, RunSummary> {
  const out = new Map<number, RunSummary>();
  for (const r of runs) if (r.sweep?.id === id && !out.has(r.sweep.index)) out.set(r.sweep.index, r);
  return out;
}
