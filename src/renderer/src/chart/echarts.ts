/**
 * ECharts, tree-shaken to what the lab draws (line charts), plus the option builders the panels share.
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
import { smoothPoints as ema } from '../../../shared/charts/series';

use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, TitleComponent, CanvasRenderer]);

export interface Line {
  name: string;
  points: readonly Point[];
  colour?: string;
  dashed?: boolean;
}

export const PALETTE = ['#2f5fb3', '#d1495b', '#2e9e6a', '#e08a1e', '#7b4fb0', '#1b9aaa', '#8c6d31', '#c2407f'];

export function baseOption(yName = '', percent = false): EChartsCoreOption {
  return {
    animation: false,
    color: PALETTE,
    grid: { left: 52, right: 40, top: 30, bottom: 30 },
    legend: {
      top: 0,
      right: 8,
      itemWidth: 14,
      itemHeight: 8,
      textStyle: { fontSize: 11, color: '#4a5567' },
      type: 'scroll',
    },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) =>
        typeof v === 'number' ? (percent ? `${(v * 100).toFixed(2)} %` : v.toPrecision(4)) : String(v),
    },
    xAxis: {
      type: 'value',
      name: 'step',
      nameLocation: 'end',
      nameGap: 16,
      nameTextStyle: { fontSize: 10, color: '#7a8496', verticalAlign: 'top', padding: [14, 0, 0, 0] },
      axisLabel: { fontSize: 10, color: '#4a5567', hideOverlap: true },
      splitLine: { lineStyle: { color: '#eef0f3' } },
      min: 'dataMin',
      max: 'dataMax',
    },
    yAxis: {
      type: 'value',
      name: yName,
      nameTextStyle: { fontSize: 10, color: '#7a8496', align: 'left' },
      scale: true,
      axisLabel: {
        fontSize: 10,
        color: '#4a5567',
        formatter: percent ? (v: number) => `${Math.round(v * 100)}%` : undefined,
      },
      splitLine: { lineStyle: { color: '#eef0f3' } },
    },
    series: [],
  };
}

/**
 * Series for lines with TensorBoard-style smoothing: when w > 0 the raw line stays as a faint ghost under
 * the smoothed one (same colour), so outliers are not hidden.
 */
export function lineSeries(lines: Line[], w: number): object[] {
  const out: object[] = [];
  lines.forEach((l, k) => {
    const colour = l.colour ?? PALETTE[k % PALETTE.length];
    const common = { type: 'line', showSymbol: false, symbol: 'none', emphasis: { disabled: true }, color: colour };
    if (w > 0) {
      out.push({
        ...common,
        name: l.name,
        data: l.points,
        lineStyle: { width: 1, opacity: 0.22, type: l.dashed ? 'dashed' : 'solid' },
        tooltip: { show: false },
        silent: true,
        legendHoverLink: false,
      });
      out.push({
        ...common,
        name: l.name,
        data: ema(l.points, w),
        lineStyle: { width: 1.8, type: l.dashed ? 'dashed' : 'solid' },
      });
    } else {
      out.push({
        ...common,
        name: l.name,
        data: l.points,
        lineStyle: { width: 1.6, type: l.dashed ? 'dashed' : 'solid' },
      });
    }
  });
  return out;
}

/** A vertical line at `step` (the step the maps show), or nothing. */
export function markerSeries(step: number | null): object[] {
  if (step === null) return [];
  return [
    {
      type: 'line',
      name: '__marker',
      data: [],
      silent: true,
      markLine: {
        silent: true,
        symbol: 'none',
        animation: false,
        label: { show: true, formatter: `step ${step}`, fontSize: 9, color: '#7a8496' },
        lineStyle: { color: '#1f2937', type: 'dashed', width: 1 },
        data: [{ xAxis: step }],
      },
    },
  ];
}
