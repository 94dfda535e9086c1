/** Which metric series go on which chart, their display names, and which are fractions (a 0–100 % axis). */

export interface ChartDef {
  id: string;
  title: string;
  /** y-axis label. */
  yLabel: string;
  match: RegExp;
  /** Values are fractions of 1: drawn on a fixed 0–100 % axis. */
  percent?: boolean;
  expectedFor: (kind: string) => boolean;
}

/** Kinds whose product is a SOM (QE/TE expected); the others are networks (loss/accuracy expected). */
export const SOM_KINDS = new Set(['som', 'patch-som', 'stacked-som', 'som-after-features']);
const isNet = (k: string): boolean => !SOM_KINDS.has(k) || k === 'som-after-features';
const hasMasks = (k: string): boolean => k === 'som-mask-mlp' || k === 'som-mask-cnn' || k === 'csom';

export const CHARTS: ChartDef[] = [
  { id: 'loss', title: 'Loss', yLabel: 'loss', match: /loss/i, expectedFor: isNet },
  { id: 'accuracy', title: 'Accuracy', yLabel: 'accuracy', match: /acc/i, percent: true, expectedFor: isNet },
  {
    id: 'qe',
    title: 'Quantisation error (QE)',
    yLabel: 'QE',
    match: /(^|\.)qe$/i,
    expectedFor: (k) => SOM_KINDS.has(k),
  },
  {
    id: 'te',
    title: 'Topographic error (TE)',
    yLabel: 'TE',
    match: /(^|\.)te$/i,
    percent: true,
    expectedFor: (k) => SOM_KINDS.has(k),
  },
  {
    id: 'schedule',
    title: 'σ and learning rate',
    yLabel: 'value',
    match: /^(sigma|learningRate|lr|alpha)$/,
    expectedFor: () => false,
  },
];

/** Mask charts: one line per SOM-masked layer (metric columns `<layer>.sparsity|strength`, `mask.` live). */
export const MASK_CHARTS: ChartDef[] = [
  {
    id: 'mask-sparsity',
    title: 'Mask sparsity',
    yLabel: 'units above threshold',
    match: /^(?:mask\.)?.+\.sparsity$/,
    percent: true,
    expectedFor: hasMasks,
  },
  {
    id: 'mask-strength',
    title: 'Mean mask strength',
    yLabel: 'mean mask Σm/N',
    match: /^(?:mask\.)?.+\.strength$/,
    percent: true,
    expectedFor: hasMasks,
  },
];

/** Mask series show their layer name; the rest their metric name. */
export function seriesLabel(key: string): string {
  const m = /^(?:mask\.)?(.+)\.(sparsity|strength)$/.exec(key);
  return m ? m[1]! : key;
}

/** Held-out metrics (evaluated at epoch ends) are drawn dashed. */
export const isHeldOut = (key: string): boolean => /^(test|val)/i.test(key);

export const chartById = (id: string): ChartDef | undefined => [...CHARTS, ...MASK_CHARTS].find((c) => c.id === id);
