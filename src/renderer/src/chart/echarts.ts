/**
 * ECharts, tree-shaken to what the lab draws (line charts), plus the option builders the panels share (their
 * axes and smoothing come from src/shared/charts, the same rules as the engine's figures).
 * Figures for papers are rendered by the engine (figures:export), not from the window's canvas.
 */
import { use, type EChartsCoreOption } from 'echarts/core';
import { LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  TitleComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { Point } from './decimate';
import { drawnLine, echartsAxis, xAxisOf, yAxisOf } from '../../../shared/charts/echarts-axis';

use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, TitleComponent, CanvasRenderer]);

export interface Line {
  name: string;
  points: readonly Point[];
  colour?: string;
  dashed?: boolean;
}

export const PALETTE = ['#2f5fb3', '#d1495b', '#2e9e6a', '#e08a1e', '#7b4fb0', '#1b9aaa', '#8c6d31', '#c2407f'];

export interface ChartLook {
  percent?: boolean;
  /** A log y axis (ignored for fractions, which keep their fixed 0–100 % axis). */
  log?: boolean;
  /** Smoothing weight in [0, 1); the raw line stays as a faint ghost under the smoothed one. */
  smoothing?: number;
  xName?: string;
  /** The x axis counts (steps, epochs): ticks at whole numbers only. */
  wholeX?: boolean;
  yName?: string;
}

const AXIS_TEXT = { fontSize: 10, color: '#4a5567' };
const SPLIT = { lineStyle: { color: '#eef0f3' } };

/** The chart's frame: grid, legend, tooltip; the axes and series come from chartOption. */
export function baseOption(look: ChartLook = {}): EChartsCoreOption {
  const pct = look.percent;
  return {
    animation: false,
    color: PALETTE,
    grid: { left: 52, right: 40, top: 30, bottom: 30 },
    legend: { top: 0, right: 8, itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 11, color: '#4a5567' } },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) =>
        typeof v === 'number' ? (pct ? `${(v * 100).toFixed(2)} %` : v.toPrecision(4)) : String(v),
    },
    ...axesOption([], look),
    series: [],
  };
}

/**
 * Axes from the shared truthful rules (src/shared/charts): fractions on a fixed 0–100 % axis, ticks at nice
 * steps with labels that never repeat, a log axis on request; the x axis in whatever unit the points are.
 */
export function axesOption(lines: readonly Line[], look: ChartLook = {}): { xAxis: object; yAxis: object } {
  const x = echartsAxis(xAxisOf(lines, { whole: look.wholeX }));
  const y = echartsAxis(yAxisOf(lines, look));
  return {
    xAxis: {
      ...x,
      name: look.xName ?? 'step',
      nameLocation: 'end',
      nameGap: 16,
      nameTextStyle: { fontSize: 10, color: '#7a8496', verticalAlign: 'top', padding: [14, 0, 0, 0] },
      axisLabel: { ...x.axisLabel, ...AXIS_TEXT, hideOverlap: true },
      splitLine: SPLIT,
    },
    yAxis: {
      ...y,
      name: look.percent && look.yName ? `${look.yName} (%)` : (look.yName ?? ''),
      nameTextStyle: { fontSize: 10, color: '#7a8496', align: 'left' },
      axisLabel: { ...y.axisLabel, ...AXIS_TEXT },
      splitLine: SPLIT,
    },
  };
}

/**
 * Series for lines with TensorBoard-style smoothing: when w > 0 the raw line stays as a faint ghost under
 * the smoothed one (same colour), so outliers are not hidden; the smoothed line never leaves the raw range.
 */
export function lineSeries(lines: readonly Line[], w: number, log = false): object[] {
  const out: object[] = [];
  lines.forEach((l, k) => {
    const colour = l.colour ?? PALETTE[k % PALETTE.length];
    const common = { type: 'line', showSymbol: false, symbol: 'none', emphasis: { disabled: true }, color: colour };
    const type = l.dashed ? 'dashed' : 'solid';
    const d = drawnLine(l.points, w, log);
    if (d.smooth) {
      out.push({
        ...common,
        name: l.name,
        data: d.raw,
        lineStyle: { width: 1, opacity: 0.25, type },
        tooltip: { show: false },
        silent: true,
        legendHoverLink: false,
      });
      out.push({ ...common, name: l.name, data: d.smooth, lineStyle: { width: 1.8, type } });
    } else out.push({ ...common, name: l.name, data: d.raw, lineStyle: { width: 1.6, type } });
  });
  return out;
}

/** Everything a chart of these lines needs besides its frame: both axes and the series. */
export function chartOption(lines: readonly Line[], look: ChartLook = {}): EChartsCoreOption {
  const log = !!look.log && !look.percent;
  return { ...axesOption(lines, look), series: lineSeries(lines, look.smoothing ?? 0, log) };
}

/**
 * A vertical line at `step` (the step the maps show) on the last series: a separate series would take a
 * legend entry of its own.
 */
export function withMarker(series: object[], step: number | null): object[] {
  if (step === null || series.length === 0) return series;
  const markLine = {
    silent: true,
    symbol: 'none',
    animation: false,
    label: { show: true, position: 'insideEndTop', formatter: `step ${step}`, fontSize: 9, color: '#4a5567' },
    lineStyle: { color: '#1f2937', type: 'dashed', width: 1 },
    data: [{ xAxis: step }],
  };
  return [...series.slice(0, -1), { ...series[series.length - 1]!, markLine }];
}
