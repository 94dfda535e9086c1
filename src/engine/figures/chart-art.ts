/**
 * Line charts drawn in Node with ECharts' server-side SVG renderer: a title, axis names, ticks from the
 * shared truthful-axis rules (fractions on 0–100 %, labels never repeated, log on request), the Okabe–Ito
 * colours, a plain legend (never a pager) and no UI chrome. Sized in points, fonts 7–9 pt.
 */
import { createHash } from 'node:crypto';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { OKABE_ITO } from '../../shared/charts/colours';
import { drawnLine, echartsAxis, xAxisOf, yAxisOf } from '../../shared/charts/echarts-axis';
import type { Point } from '../../shared/charts/series';
import type { Axis } from '../../shared/charts/ticks';
import { FONT, LABEL_PT, TICK_PT, TITLE_PT, type Art } from './svg';

echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, SVGRenderer]);

export interface ChartLine {
  name: string;
  points: readonly Point[];
  /** Index into the palette (one colour per run in a comparison). */
  colour?: number;
  dashed?: boolean;
}

export interface ChartArtOptions {
  width: number;
  height?: number;
  title: string;
  xLabel: string;
  /** A count axis (steps, epochs): ticks at whole numbers only. */
  wholeX?: boolean;
  yLabel: string;
  percent?: boolean;
  log?: boolean;
  /** Smoothing weight; the raw line stays, faint, under the smoothed one. */
  smoothing?: number;
  /** Vertical marks (the filmstrip's frame steps, the scrubber's step). */
  marks?: number[];
}

function axisOption(a: Axis, name: string, gap: number): object {
  const core = echartsAxis(a);
  return {
    ...core,
    name,
    nameLocation: 'middle',
    nameGap: gap,
    nameTextStyle: { fontSize: LABEL_PT, fontFamily: FONT, color: '#000' },
    axisLabel: { ...core.axisLabel, fontSize: TICK_PT, fontFamily: FONT, color: '#000' },
    axisLine: { lineStyle: { color: '#000', width: 0.5 } },
    axisTick: { lineStyle: { width: 0.5 } },
    splitLine: { lineStyle: { color: '#e6e6e6', width: 0.5 } },
  };
}

function series(lines: ChartLine[], o: ChartArtOptions): object[] {
  const out: object[] = [];
  lines.forEach((l, k) => {
    const color = OKABE_ITO[(l.colour ?? k) % OKABE_ITO.length];
    const base = { type: 'line', name: l.name, showSymbol: false, color, animation: false };
    const style = (width: number, opacity = 1) => ({ width, opacity, type: l.dashed ? 'dashed' : 'solid' });
    const d = drawnLine(l.points, o.smoothing ?? 0, o.log && !o.percent);
    if (d.smooth) {
      out.push({ ...base, data: d.raw, lineStyle: style(0.6, 0.3), silent: true });
      out.push({ ...base, data: d.smooth, lineStyle: style(1.2) });
    } else out.push({ ...base, data: d.raw, lineStyle: style(1) });
  });
  if (o.marks?.length && out[0]) {
    const markLine = {
      symbol: 'none',
      silent: true,
      label: { show: false },
      lineStyle: { color: '#777', width: 0.5, type: 'dotted' },
    };
    Object.assign(out[0], { markLine: { ...markLine, data: o.marks.map((x) => ({ xAxis: x })) } });
  }
  return out;
}

/** The chart's SVG body (ECharts' document nested in a group) and its size. */
export function chartArt(lines: ChartLine[], o: ChartArtOptions): Art {
  const height = o.height ?? Math.round(o.width * 0.68);
  const legendRows = lines.length > 1 ? Math.ceil(lines.length / Math.max(1, Math.floor(o.width / 90))) : 0;
  const option = {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: FONT },
    title: {
      text: o.title,
      left: 'center',
      top: 2,
      textStyle: { fontSize: TITLE_PT, fontWeight: 'normal', color: '#000', fontFamily: FONT },
    },
    legend:
      lines.length > 1
        ? { type: 'plain', bottom: 0, itemWidth: 12, itemHeight: 6, textStyle: { fontSize: TICK_PT, fontFamily: FONT } }
        : undefined,
    grid: { left: 44, right: 10, top: 20, bottom: 30 + legendRows * 11 },
    xAxis: axisOption(xAxisOf(lines, { whole: o.wholeX }), o.xLabel, 18),
    yAxis: axisOption(yAxisOf(lines, o), o.percent ? `${o.yLabel} (%)` : o.yLabel, 32),
    series: series(lines, o),
  };
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: o.width, height });
  try {
    chart.setOption(option);
    const svg = chart.renderToSVGString();
    // ECharts numbers its ids per instance (zr<N>-c0, zr<N>-cls-k): class names serve hover styles only and go;
    // ids get a prefix from the chart's content, so an export is the same file every time and panels never clash.
    const prefix = `c${createHash('sha1')
      .update(JSON.stringify([lines, o]))
      .digest('hex')
      .slice(0, 8)}-`;
    const body = svg
      .replace(/^<\?xml[^>]*>/, '')
      .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
      .replace(/ class="zr\d+-cls-\d+"/g, '')
      .replace(/zr\d+-/g, prefix);
    return { width: o.width, height, body };
  } finally {
    chart.dispose();
  }
}
