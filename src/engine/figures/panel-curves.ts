/** Curve panels (loss, accuracy, QE, TE, σ/α, mask sparsity and strength): one run's or several runs' lines. */
import { chartById, isHeldOut, MASK_CHARTS, seriesLabel, type ChartDef } from '../../shared/charts/metric-charts';
import { metricPoints, wholeTicks, X_AXIS_LABELS } from '../../shared/charts/series';
import type { PanelRef } from '../../shared/figure-spec';
import type { RunDetail } from '../../shared/api';
import { diffName, specDiff } from '../../shared/spec-diff';
import { chartArt, type ChartLine } from './chart-art';
import type { PanelTable, PreparedPanel } from './panel';
import { runLabel, type FigureSource } from './source';

const isMask = (k: string): boolean => MASK_CHARTS.some((c) => c.match.test(k));

function keysFor(d: RunDetail, def: ChartDef): string[] {
  const keys = new Set<string>();
  for (const row of d.metrics) for (const k of Object.keys(row)) keys.add(k);
  const mask = MASK_CHARTS.includes(def);
  return [...keys]
    .filter((k) => def.match.test(k) && (mask || !isMask(k)) && !['step', 'epoch', 't'].includes(k))
    .sort();
}

/**
 * Overlaid runs named by the spec fields they differ in ("threshold=0.9"), as Compare names them; a user's
 * or preset name where nothing differs, and the run id's tail where two names would still be the same.
 */
export function runNames(runs: RunDetail[]): string[] {
  const diff = specDiff(runs.map((d) => d.spec));
  const names = runs.map((d, r) => diffName(diff, r) || runLabel(d));
  return names.map((n, r) => (names.indexOf(n) !== names.lastIndexOf(n) ? `${n} ${runs[r]!.summary.id.slice(-4)}` : n));
}

/** Lines for a chart: one colour per run, dashed for held-out metrics. */
export function curveLines(runs: RunDetail[], def: ChartDef, ref: PanelRef): ChartLine[] {
  const lines: ChartLine[] = [];
  const names = runNames(runs);
  runs.forEach((d, r) => {
    const keys = keysFor(d, def);
    const perEpoch = d.summary.totalSteps && d.spec.epochs ? d.summary.totalSteps / d.spec.epochs : undefined;
    keys.forEach((k, j) => {
      const metric = seriesLabel(k);
      const name = runs.length > 1 ? (keys.length > 1 ? `${names[r]} · ${metric}` : names[r]!) : metric;
      lines.push({
        name,
        points: metricPoints(d.metrics, k, ref.x, perEpoch),
        colour: runs.length > 1 ? r : j,
        dashed: isHeldOut(k),
      });
    });
  });
  return lines;
}

/** The lines as one table on the union of their x values (CSV and pgfplots read it). */
export function linesTable(lines: ChartLine[], def: Pick<ChartDef, 'yLabel' | 'percent'>, xLabel: string): PanelTable {
  const xs = [...new Set(lines.flatMap((l) => l.points.map((p) => p[0])))].sort((a, b) => a - b);
  const cols = lines.map((l) => new Map(l.points.map((p) => [p[0], p[1]])));
  return {
    xLabel,
    yLabel: def.yLabel,
    percent: !!def.percent,
    columns: lines.map((l) => l.name),
    rows: xs.map((x) => [x, ...cols.map((c) => c.get(x) ?? NaN)]),
  };
}

export async function prepareCurves(src: FigureSource, ref: PanelRef, marks?: number[]): Promise<PreparedPanel> {
  const def = chartById(ref.panel)!;
  const runs = await Promise.all([ref.run, ...ref.with].map((id) => src.run(id)));
  const lines = curveLines(runs, def, ref);
  if (lines.length === 0)
    throw new Error(`run ${ref.run} has no ${def.title.toLowerCase()} to draw (no metric matches ${def.match})`);
  const xLabel = X_AXIS_LABELS[ref.x];
  const title = runs.length > 1 ? def.title : `${runLabel(runs[0]!)}: ${def.title}`;
  return {
    title,
    runs: runs.map((d) => ({ id: d.summary.id, steps: d.metrics.length ? [d.metrics.at(-1)!.step] : [] })),
    render: async (o) =>
      chartArt(lines, {
        width: o.width,
        title,
        xLabel,
        wholeX: wholeTicks(ref.x),
        yLabel: def.yLabel,
        percent: def.percent,
        log: ref.log,
        marks,
      }),
    table: () => linesTable(lines, def, xLabel),
  };
}
