/**
 * Every path inside a project folder is built here, from validated pieces only, so nothing a caller passes
 * (a run id from the API, a layer name from a model) can point outside the project.
 */
import { basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ExperimentSpec } from '../../shared/spec';

export const PROJECT_FILE = 'somlab.json';
const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Throws unless `id` is a plain folder name: no separators, no "..", nothing hidden. */
export function assertRunId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || !RUN_ID.test(id) || id.includes('..')) {
    throw new Error(
      `bad run id ${JSON.stringify(id)}: expected letters, digits, ".", "_" or "-" (no path separators, no "..")`,
    );
  }
}

export function assertStep(step: unknown): asserts step is number {
  if (typeof step !== 'number' || !Number.isSafeInteger(step) || step < 0) {
    throw new Error(`bad step ${JSON.stringify(step)}: expected a whole number ≥ 0`);
  }
}

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24);
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Sortable (UTC time first) and unique (random tail): e.g. `20261124-113501-som-colors-a1b2`. */
export function newRunId(spec: Pick<ExperimentSpec, 'kind' | 'dataset'>, now = new Date()): string {
  const d = now;
  const date = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
  const stamp = `${date}-${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  const data =
    spec.dataset.source === 'folder'
      ? basename(spec.dataset.path)
      : spec.dataset.source === 'builtin'
        ? spec.dataset.name
        : (spec.dataset.name ?? 'points');
  const parts = [stamp, slug(spec.kind), slug(data), randomBytes(2).toString('hex')].filter((p) => p.length > 0);
  return parts.join('-');
}

/** Layer names come from models (tfjs names can hold "/"); encoded they are safe file-name stems. */
export const layerStem = (layer: string): string => encodeURIComponent(layer).replace(/\*/g, '%2A');

export const runsDir = (projectDir: string): string => join(projectDir, 'runs');

export function runDir(projectDir: string, id: string): string {
  assertRunId(id);
  return join(runsDir(projectDir), id);
}

export const runFiles = (dir: string) => ({
  spec: join(dir, 'spec.json'),
  record: join(dir, 'run.json'),
  metrics: join(dir, 'metrics.ndjson'),
  /** Touched by the trainer's heartbeat thread while it runs; its mtime is the beat. */
  heartbeat: join(dir, 'heartbeat'),
  snapshots: join(dir, 'snapshots'),
  winners: join(dir, 'winners'),
  model: join(dir, 'model'),
});

/** `<layer>-<step>` with the layer encoded; parsed back by `parseArrayFileStem`. */
export function arrayFileStem(layer: string, step: number): string {
  assertStep(step);
  return `${layerStem(layer)}-${step}`;
}

export function parseArrayFileStem(stem: string): { layer: string; step: number } | null {
  const m = /^(.+)-(\d+)$/.exec(stem);
  if (!m) return null;
  try {
    return { layer: decodeURIComponent(m[1]!), step: Number(m[2]) };
  } catch {
    return null;
  }
}

/** Where the project keeps converted datasets (engine/data/cache): one sub-folder per source folder. */
export const datasetCacheRoot = (projectDir: string): string => join(projectDir, 'cache', 'datasets');
