/**
 * What a grid mode is called (its tab) and what its colour scale measures (its legend). A soft-SOM boundary
 * snapshot (engine/models/soft-som-views.ts) reuses the SOM fields for other quantities: hits holds the
 * predicted class's probability and umatrix P(class 1) over the input plane, so its own words replace the SOM's.
 */
import type { SomSnapshot } from '../../../shared/run-types';
import type { GridMode } from './draw-grid';

export const MODE_LABEL: Record<GridMode, string> = {
  codebook: 'Codebook',
  umatrix: 'U-matrix',
  hits: 'Hit map',
  classes: 'Class map',
  firing: 'Firing',
  classFiring: 'Class firing',
};

type ScaleMode = Extract<GridMode, 'hits' | 'umatrix'>;
const SCALE_LABEL: Record<ScaleMode, string> = { hits: 'winner count', umatrix: 'mean distance to neighbours' };

/** Per layer: the modes whose meaning differs, with their tab and legend words. */
const LAYER_WORDS: Record<string, Partial<Record<GridMode, { tab: string; legend?: string }>>> = {
  boundary: {
    hits: { tab: 'Confidence', legend: 'predicted class probability' },
    umatrix: { tab: 'P(class 1)', legend: 'P(class 1)' },
    classes: { tab: 'Predicted class' },
  },
};

export function modeLabel(s: SomSnapshot | null, mode: GridMode): string {
  return (s && LAYER_WORDS[s.layer]?.[mode]?.tab) ?? MODE_LABEL[mode];
}

export function scaleLabel(s: SomSnapshot, mode: ScaleMode): string {
  return LAYER_WORDS[s.layer]?.[mode]?.legend ?? SCALE_LABEL[mode];
}
