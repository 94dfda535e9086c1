/** Which metric series go on which chart, and their display names. */
import type { Line } from './echarts';
import type { DecimatedSeries } from './decimate';

export interface ChartDef {
  id: string;
  title: string;
  match: RegExp;
  percent?: boolean;
  expectedFor: (kind: string) => boolean;
}

/** Kinds whose product is a SOM (QE/TE expected); the others are networks (loss/accuracy expected). */
const SOM_KINDS = new Set(['som', 'patch-som', 'stacked-som', 'som-after-features']);
const isNet = (k: string): boolean => !SOM_KINDS.has(k) || k === 'som-after-features';

export const CHARTS: ChartDef[] = [
  { id: 'loss', title: 'Loss', match: /loss/i, expectedFor: isNet },
  { id: 'accuracy', title: 'Accuracy', match: /acc/i, percent: true, expectedFor: isNet },
  { id: 'qe', title: 'Quantisation error (QE)', match: /(^|\.)qe$/i, expectedFor: (k) => SOM_KINDS.has(k) },
  {
    id: 'te',
    title: 'Topographic error (TE)',
    match: /(^|\.)te$/i,
    percent: true,
    expectedFor: (k) => SOM_KINDS.has(k),
  },
  { id: 'schedule', title: 'σ and learning rate', match: /^(sigma|learningRate|lr)$/, expectedFor: () => false },
];

/** Mask series show their layer name; the rest their metric name. */
export function seriesLabel(key: string): string {
  const m = /^mask\.(.+)\.(sparsity|strength)$/.exec(key);
  return m ? m[1]! : key;
}

/** Held-out metrics (evaluated at epoch ends) are drawn dashed. */
export const isHeldOut = (key: string): boolean => /^(test|val)/i.test(key);

export function linesFor(series: Map<string, DecimatedSeries>, match: RegExp): Line[] {
  const out: Line[] = [];
  for (const [k, s] of series)
    if (match.test(k) && !k.startsWith('mask.'))
      out.push({ name: seriesLabel(k), points: s.points(), dashed: isHeldOut(k) });
  return out;
}

export function maskLines(
  series: Map<string, DecimatedSeries>,
  layers: string[],
  what: 'sparsity' | 'strength',
): Line[] {
  return layers.flatMap((l) => {
    const s = series.get(`mask.${l}.${what}`);
    return s ? [{ name: l, points: s.points() }] : [];
  });
}

/** Charts to show: those the kind expects, plus any that received data. */
export function chartsFor(kind: string, keys: Iterable<string>): ChartDef[] {
  const ks = [...keys].filter((k) => !k.startsWith('mask.'));
  // An unknown kind (a run that failed before it started) expects nothing.
  return CHARTS.filter((c) => (kind && c.expectedFor(kind)) || ks.some((k) => c.match.test(k)));
}
