/**
 * The sweep view's charts as ECharts options: parallel coordinates (one axis per varying hyper-parameter, the
 * metric last; one line per variant) and a scatter of one hyper-parameter against one final metric. Numeric
 * fields get value axes, others (names, booleans, ∞ written as strings) category axes. The best variant is
 * drawn in red, thicker and larger, and named in the legend text.
 */
import { use, type EChartsCoreOption } from 'echarts/core';
import { ParallelChart, ScatterChart } from 'echarts/charts';
import { GridComponent, ParallelComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { Leaf } from '../../../shared/spec-diff';
import type { SweepModel } from '../sweep/sweep-model';

use([ParallelChart, ScatterChart, ParallelComponent, GridComponent, TooltipComponent, CanvasRenderer]);

const BEST = '#d1495b';
const OTHER = '#2f5fb3';
const AXIS_TEXT = { fontSize: 10, color: '#4a5567' };

type Axis = { type: 'value' } | { type: 'category'; data: string[] };

/** A value axis when every value is a finite number, else a category axis over the values as text. */
function axisFor(values: readonly (Leaf | undefined)[]): Axis {
  if (values.every((v) => typeof v === 'number' && Number.isFinite(v))) return { type: 'value' };
  return { type: 'category', data: [...new Set(values.map(text))].sort() };
}
const text = (v: Leaf | undefined): string => (v === undefined ? '–' : String(v));
const onAxis = (a: Axis, v: Leaf | undefined): number | string => (a.type === 'value' ? (v as number) : text(v));
/** The last two parts of a dotted field: `sigma.start`, `sigmaFwd`. */
export const shortField = (f: string): string => f.split('.').slice(-2).join('.');

export function parallelOption(m: SweepModel, metric: string, bestId: string | undefined): EChartsCoreOption {
  const rows = m.variants.filter((v) => v.metrics[metric] !== undefined);
  const axes = m.params.map((p) => axisFor(rows.map((v) => v.params[p])));
  const parallelAxis = [
    ...m.params.map((p, dim) => ({ dim, name: shortField(p), ...axes[dim], scale: true })),
    { dim: m.params.length, name: metric, type: 'value', scale: true },
  ];
  const data = rows.map((v) => ({
    name: v.id,
    value: [...m.params.map((p, k) => onAxis(axes[k]!, v.params[p])), v.metrics[metric]!],
    lineStyle: v.id === bestId ? { color: BEST, width: 3, opacity: 1 } : { color: OTHER, width: 1.2, opacity: 0.55 },
  }));
  // The best line last, so it is drawn over the others.
  data.sort((a, b) => Number(a.name === bestId) - Number(b.name === bestId));
  return {
    animation: false,
    tooltip: { trigger: 'item' },
    parallel: { left: 40, right: 70, top: 40, bottom: 30, parallelAxisDefault: { nameTextStyle: AXIS_TEXT } },
    parallelAxis,
    series: [{ type: 'parallel', data, smooth: false }],
  };
}

export function scatterOption(m: SweepModel, param: string, metric: string, bestId: string | undefined) {
  const rows = m.variants.filter((v) => v.metrics[metric] !== undefined);
  const x = axisFor(rows.map((v) => v.params[param]));
  const point = (best: boolean) => ({
    type: 'scatter',
    name: best ? 'best' : 'variants',
    symbol: best ? 'diamond' : 'circle',
    symbolSize: best ? 16 : 9,
    itemStyle: { color: best ? BEST : OTHER, opacity: best ? 1 : 0.75 },
    data: rows
      .filter((v) => (v.id === bestId) === best)
      .map((v) => ({ name: v.id, value: [onAxis(x, v.params[param]), v.metrics[metric]!] })),
  });
  return {
    animation: false,
    grid: { left: 60, right: 24, top: 24, bottom: 44 },
    tooltip: { trigger: 'item' },
    xAxis: { ...x, name: shortField(param), nameLocation: 'middle', nameGap: 26, scale: true, axisLabel: AXIS_TEXT },
    yAxis: { type: 'value', name: metric, scale: true, axisLabel: AXIS_TEXT, nameTextStyle: AXIS_TEXT },
    series: [point(false), point(true)],
  } satisfies EChartsCoreOption;
}
