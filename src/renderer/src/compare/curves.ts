/** Compare's curves: one colour per run, overlaid on shared axes; held-out and second-layer lines dashed. */
import type { Line } from '../chart/echarts';
import type { LiveRun } from '../run/live-state';
import { CHARTS, MASK_CHARTS, isHeldOut, seriesLabel, type ChartDef } from '../../../shared/charts/metric-charts';
import type { CompareRun } from './scene';

const isMask = (k: string): boolean => k.startsWith('mask.');

export function compareLines(runs: CompareRun[], folded: Map<string, LiveRun>, chart: ChartDef): Line[] {
  const mask = MASK_CHARTS.includes(chart);
  const out: Line[] = [];
  for (const r of runs) {
    const live = folded.get(r.id);
    if (!live) continue;
    const keys = [...live.series.keys()].filter((k) => chart.match.test(k) && isMask(k) === mask);
    keys.forEach((k, i) =>
      out.push({
        name: keys.length > 1 ? `${r.letter} · ${seriesLabel(k)}` : r.letter,
        points: live.series.get(k)!.points(),
        colour: r.colour,
        dashed: mask ? i > 0 : isHeldOut(k),
      }),
    );
  }
  return out;
}

/** The charts any of the runs has data for, the mask charts last. */
export function compareCharts(folded: Map<string, LiveRun>): ChartDef[] {
  const keys = [...folded.values()].flatMap((r) => [...r.series.keys()]);
  return [...CHARTS, ...MASK_CHARTS].filter((c) =>
    keys.some((k) => c.match.test(k) && isMask(k) === MASK_CHARTS.includes(c)),
  );
}
