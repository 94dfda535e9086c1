/**
 * Run management: the user's name, tags and note for a run (in meta.json beside run.json, so a trainer
 * rewriting run.json can never overwrite them), and delete into the project's trash/ and restore. Deleting
 * is one rename inside the project folder, so a run is always whole in runs/ or whole in trash/.
 */
import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { RunMetaSchema, type RunMeta } from '../../shared/project';
import { parseWith } from '../../shared/validate';
import { writeJsonAtomic } from './atomic';
import { isPidAlive } from './liveness';
import { assertRunId, runDir, runFiles, runsDir } from './paths';

export const trashDir = (projectDir: string): string => join(projectDir, 'trash');
const metaFile = (dir: string): string => join(dir, 'meta.json');

/** The user's metadata of a run folder ({} when none was ever set; a damaged file is an error naming it). */
export async function readMeta(dir: string): Promise<RunMeta> {
  let raw: string;
  try {
    raw = await readFile(metaFile(dir), 'utf8');
  } catch {
    return {};
  }
  try {
    return parseWith(RunMetaSchema, JSON.parse(raw), metaFile(dir));
  } catch (e) {
    throw new Error(`${metaFile(dir)} is corrupt: ${(e as Error).message}`);
  }
}

/** Sets name / tags / note (an empty name or note clears it; tags are trimmed and deduplicated). */
export async function updateRunMeta(projectDir: string, id: string, patch: RunMeta): Promise<RunMeta> {
  const dir = runDir(projectDir, id);
  await stat(runFiles(dir).spec).catch(() => {
    throw new Error(`run ${id} not found in ${runsDir(projectDir)}`);
  });
  const clean = parseWith(RunMetaSchema, patch, `changes to run ${id}`);
  const next: RunMeta = { ...(await readMeta(dir)), ...clean };
  if (clean.tags) next.tags = [...new Set(clean.tags.map((t) => t.trim()).filter(Boolean))];
  if (next.name === '') delete next.name;
  if (next.note === '') delete next.note;
  await writeJsonAtomic(metaFile(dir), next);
  return next;
}

async function isLive(dir: string): Promise<boolean> {
  try {
    const rec = JSON.parse(await readFile(runFiles(dir).record, 'utf8')) as { status?: string; pid?: number };
    return rec.status === 'running' && rec.pid !== undefined && isPidAlive(rec.pid);
  } catch {
    return false;
  }
}

/** Moves a run into trash/ (refused while its trainer runs). */
export async function trashRun(projectDir: string, id: string): Promise<void> {
  const dir = runDir(projectDir, id);
  await stat(dir).catch(() => {
    throw new Error(`run ${id} not found in ${runsDir(projectDir)}`);
  });
  if (await isLive(dir)) throw new Error(`run ${id} is still training: stop it before deleting it`);
  await mkdir(trashDir(projectDir), { recursive: true });
  const target = join(trashDir(projectDir), id);
  if (
    await stat(target).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`trash/${id} already exists: restore or remove it first`);
  await rename(dir, target);
}

/** Moves a run back from trash/ into runs/ (refused when runs/ holds a run of that id). */
export async function restoreRun(projectDir: string, id: string): Promise<void> {
  assertRunId(id);
  const from = join(trashDir(projectDir), id);
  await stat(from).catch(() => {
    throw new Error(`run ${id} is not in ${trashDir(projectDir)}`);
  });
  const to = runDir(projectDir, id);
  if (
    await stat(to).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`runs/${id} exists: a run of that id is already there`);
  await rename(from, to);
}

/** Run ids in trash/, sorted. */
export async function listTrash(projectDir: string): Promise<string[]> {
  const entries = await readdir(trashDir(projectDir), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}
