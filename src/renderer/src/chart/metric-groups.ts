/** The renderer's side of the chart definitions (src/shared/charts/metric-charts): lines from live series. */
import type { Line } from './echarts';
import type { DecimatedSeries } from './decimate';
import { CHARTS, isHeldOut, seriesLabel, type ChartDef } from '../../../shared/charts/metric-charts';

export { CHARTS, isHeldOut, seriesLabel, type ChartDef };

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
