/**
 * The Api calls for results, kept beside LabHost: run management (name, tags, note, trash and restore), a
 * whole sweep stopped at once, and figure exports through the engine (the same files as `somlab export`).
 */
import type { ApiCalls, ResultCallName } from '../shared/api';
import type { ExperimentSpec } from '../shared/spec';
import { findPreset } from '../shared/presets';
import { expandPreset } from '../shared/sweep';
import { parseSpec } from '../shared/validate';
import { listRuns, listTrash, restoreRun, trashRun, updateRunMeta } from '../engine/runs';

type Calls = { [K in ResultCallName]: (...a: Parameters<ApiCalls[K]>) => Promise<ReturnType<ApiCalls[K]>> };

export interface ResultsContext {
  projectDir(): string;
  /** Stops the runs of a group that are training and the variants still waiting. */
  stopGroup(group: string): void;
}

export function resultsCalls(ctx: ResultsContext): Calls {
  return {
    'runs:update': async (id, patch) => {
      await updateRunMeta(ctx.projectDir(), id, patch);
      const run = (await listRuns(ctx.projectDir())).find((r) => r.id === id);
      if (!run) throw new Error(`run ${id} not found`);
      return run;
    },
    'runs:trash': (id) => trashRun(ctx.projectDir(), id),
    'runs:restore': (id) => restoreRun(ctx.projectDir(), id),
    'runs:trashed': () => listTrash(ctx.projectDir()),
    'runs:stopGroup': async (group) => ctx.stopGroup(group),
    // Loaded on first use: the host never pays for ECharts, pdfkit or sharp unless a figure is asked for.
    'figures:export': async (request) => (await import('../engine/figures')).exportPanel(ctx.projectDir(), request),
    'figures:compose': async (spec) => (await import('../engine/figures')).renderFigure(ctx.projectDir(), spec),
  };
}

const comparable = (s: ExperimentSpec): string => JSON.stringify({ ...s, name: undefined, preset: undefined });

/**
 * A spec keeps its `preset` only while it is one of that preset's own specs: "run again with changes" and an
 * edited form give a run that no longer claims to reproduce the preset.
 */
export function withHonestPreset(spec: ExperimentSpec): ExperimentSpec {
  if (!spec.preset) return spec;
  let variants;
  try {
    variants = expandPreset(findPreset(spec.preset));
  } catch {
    return { ...spec, preset: undefined };
  }
  const mine = comparable(spec);
  return variants.some((v) => comparable(parseSpec(v.spec)) === mine) ? spec : { ...spec, preset: undefined };
}
