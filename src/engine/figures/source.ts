/**
 * What figures read from a project: runs, snapshots, winner traces and the model folder's artefacts. One
 * interface so the panels never touch paths; `projectSource` reads through engine/runs (validated ids).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunDetail } from '../../shared/api';
import type { RobustnessCurve } from '../../shared/robustness';
import type { SomSnapshot, WinnerTrace } from '../../shared/run-types';
import { readRobustness } from '../robustness/records';
import { listSnapshots, listWinnerSteps, readRun, readSnapshot, readWinners } from '../runs';
import { runDir } from '../runs/paths';

export interface FigureSource {
  run(id: string): Promise<RunDetail>;
  /** (layer, step) of every snapshot of a run. */
  snapshots(id: string): Promise<{ layer: string; step: number }[]>;
  snapshot(id: string, step: number, layer: string): Promise<SomSnapshot>;
  winnerSteps(id: string, layer: string): Promise<number[]>;
  winners(id: string, step: number, layer: string): Promise<WinnerTrace>;
  /** An artefact of the run's model/ folder (sdr.json, boundary.json, reconstruction.bin …), or null. */
  modelFile(
    id: string,
    name: 'sdr.json' | 'boundary.json' | 'reconstruction.json' | 'reconstruction.bin',
  ): Promise<Buffer | null>;
  /** The robustness curves saved with a run (runs/<id>/robustness/), [] when none. */
  robustness(id: string): Promise<RobustnessCurve[]>;
}

export function projectSource(projectDir: string): FigureSource {
  const runs = new Map<string, Promise<RunDetail>>();
  return {
    run: (id) => {
      if (!runs.has(id)) runs.set(id, readRun(projectDir, id));
      return runs.get(id)!;
    },
    snapshots: (id) => listSnapshots(projectDir, id),
    snapshot: (id, step, layer) => readSnapshot(projectDir, id, step, layer),
    winnerSteps: (id, layer) => listWinnerSteps(projectDir, id, layer),
    winners: (id, step, layer) => readWinners(projectDir, id, step, layer),
    modelFile: (id, name) =>
      readFile(join(runDir(projectDir, id), 'model', name)).catch((e: NodeJS.ErrnoException) =>
        e.code === 'ENOENT' ? null : Promise.reject(e),
      ),
    robustness: (id) => readRobustness(projectDir, id),
  };
}

/** A run's short name for titles and legends: its name, else its preset, else its kind. */
export const runLabel = (d: RunDetail): string => d.summary.name || d.summary.preset || d.summary.kind;

/** The layer to show: the requested one, else "som", else the first SOM layer that is not a boundary. */
export function pickLayer(found: { layer: string }[], requested?: string, runId = ''): string {
  const layers = [...new Set(found.map((f) => f.layer))];
  if (requested !== undefined) {
    if (!layers.includes(requested))
      throw new Error(`run ${runId} has no SOM layer "${requested}": its layers are ${layers.join(', ') || 'none'}`);
    return requested;
  }
  const maps = layers.filter((l) => l !== 'boundary');
  const layer = maps.includes('som') ? 'som' : maps[0];
  if (!layer) throw new Error(`run ${runId} saved no SOM map (no snapshots)`);
  return layer;
}

/** The snapshot step to show for a requested step: the last at or before it (the first when none is). */
export function nearestStep(steps: readonly number[], requested?: number): number {
  if (steps.length === 0) throw new Error('no snapshot steps');
  const sorted = [...steps].sort((a, b) => a - b);
  if (requested === undefined) return sorted[sorted.length - 1]!;
  let best = sorted[0]!;
  for (const s of sorted) if (s <= requested) best = s;
  return best;
}
