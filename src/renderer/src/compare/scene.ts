/**
 * What the Compare page derives from the chosen runs: letters, colours and names (by the fields their specs
 * differ in), the union of their snapshot steps and layers, and each run's snapshot nearest a shared step.
 */
import type { RunDetail } from '../../../shared/api';
import { diffName, specDiff, type SpecDiffRow } from '../../../shared/spec-diff';
import { PALETTE } from '../chart/echarts';

export const LETTERS = 'ABCDEF';

export interface CompareRun {
  id: string;
  letter: string;
  colour: string;
  /** "A · mask.threshold=0.9": the letter and what sets the run apart (or its name when nothing does). */
  label: string;
  detail: RunDetail;
}

export interface Scene {
  runs: CompareRun[];
  diff: SpecDiffRow[];
  /** Every snapshot step of any run, ascending. */
  steps: number[];
  /** Every SOM layer with snapshots in any run ("som", "conv1", …). */
  layers: string[];
}

export function buildScene(ids: readonly string[], details: ReadonlyMap<string, RunDetail>): Scene {
  const present = ids.filter((id) => details.has(id));
  const diff = specDiff(present.map((id) => details.get(id)!.spec));
  const runs = present.map((id, k) => {
    const detail = details.get(id)!;
    const s = detail.summary;
    const letter = LETTERS[ids.indexOf(id)] ?? '?';
    const named = diffName(diff, k) || s.name || s.preset || s.kind;
    return { id, letter, colour: PALETTE[ids.indexOf(id) % PALETTE.length]!, label: `${letter} · ${named}`, detail };
  });
  const steps = [...new Set(runs.flatMap((r) => r.detail.snapshotSteps))].sort((a, b) => a - b);
  const layers = [
    ...new Set(runs.flatMap((r) => r.detail.snapshotLayers ?? (r.detail.snapshotSteps.length ? ['som'] : []))),
  ];
  return { runs, diff, steps, layers };
}

/** The saved step of `steps` nearest `step` (the earlier one on a tie); undefined when there are none. */
export function nearestStep(steps: readonly number[], step: number): number | undefined {
  let best: number | undefined;
  for (const s of steps) if (best === undefined || Math.abs(s - step) < Math.abs(best - step)) best = s;
  return best;
}
