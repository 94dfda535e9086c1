/**
 * Paints a SOM snapshot on a 2D canvas: codebook (images or colours), U-matrix, hit map or class map, with
 * the colour legend underneath so an exported PNG is self-explaining. Sizes are in CSS px; the caller
 * scales the context for the pixel ratio.
 */
import type { SomSnapshot } from '../../../shared/run-types';
import { cellPolygon, gridLayout, type GridLayout } from '../../../shared/map/grid-geometry';
import { SCALES, classColour, extent, normalise, rgbCss, type ScaleName } from '../../../shared/charts/colours';
import {
  codebookAtlas,
  codebookRange,
  codebookView,
  imageShape,
  neuronColour,
} from '../../../shared/map/codebook-image';
import { drawClassFiring, drawFiring } from './draw-firing';

export type GridMode = 'codebook' | 'umatrix' | 'hits' | 'classes' | 'firing' | 'classFiring';
export const LEGEND_H = 34;

export function modesFor(s: SomSnapshot): GridMode[] {
  const m: GridMode[] = [];
  if (codebookView(s.shape) !== 'vector') m.push('codebook');
  // A kWTA code's grid is only a layout: no neighbours, no U-matrix.
  if (!s.codeLayout) m.push('umatrix');
  m.push('hits');
  if (s.classMap) m.push('classes');
  if (s.firing) m.push('firing');
  if (s.firingByClass) m.push('classFiring');
  return m;
}

export const MODE_LABEL: Record<GridMode, string> = {
  codebook: 'Codebook',
  umatrix: 'U-matrix',
  hits: 'Hit map',
  classes: 'Class map',
  firing: 'Firing',
  classFiring: 'Class firing',
};

/** Layout for a snapshot inside w×h px, leaving room for the legend. */
export function layoutFor(s: SomSnapshot, w: number, h: number, pad = 4): GridLayout {
  return gridLayout(s.rows, s.cols, s.topology, Math.max(10, w - 2 * pad), Math.max(10, h - LEGEND_H - 2 * pad));
}

export function path(ctx: CanvasRenderingContext2D, pts: [number, number][]): void {
  ctx.beginPath();
  pts.forEach(([x, y], k) => (k ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
  ctx.closePath();
}

export function fillCells(
  ctx: CanvasRenderingContext2D,
  L: GridLayout,
  colour: (i: number) => string,
  inset = 0.94,
): void {
  const n = L.rows * L.cols;
  for (let i = 0; i < n; i++) {
    ctx.fillStyle = colour(i);
    path(ctx, cellPolygon(L.shape, L.centres[2 * i]!, L.centres[2 * i + 1]!, L.cell * inset));
    ctx.fill();
  }
}

function drawImages(ctx: CanvasRenderingContext2D, s: SomSnapshot, L: GridLayout): void {
  const img = imageShape(s.shape)!;
  const n = s.rows * s.cols;
  const atlas = codebookAtlas(s.codebook, n, img, codebookRange(s.codebook));
  const c = document.createElement('canvas');
  c.width = atlas.width;
  c.height = atlas.height;
  c.getContext('2d')!.putImageData(new ImageData(atlas.data, atlas.width, atlas.height), 0, 0);
  ctx.imageSmoothingEnabled = L.cell < img.w; // shrink smoothly, enlarge as crisp pixels
  const side = L.shape === 'hex' ? L.cell * 0.8 : L.cell * 0.94;
  for (let i = 0; i < n; i++) {
    const sx = (i % atlas.perRow) * img.w,
      sy = Math.floor(i / atlas.perRow) * img.h;
    ctx.drawImage(c, sx, sy, img.w, img.h, L.centres[2 * i]! - side / 2, L.centres[2 * i + 1]! - side / 2, side, side);
  }
}

export interface Legend {
  kind: 'scale';
  scale: ScaleName;
  lo: number;
  hi: number;
  label: string;
}
export interface ClassLegend {
  kind: 'classes';
  classes: number[];
}

/** Draws the map; returns what the legend shows. */
export function drawMap(
  ctx: CanvasRenderingContext2D,
  s: SomSnapshot,
  L: GridLayout,
  mode: GridMode,
): Legend | ClassLegend | null {
  if (s.topology === 'ring') {
    ctx.strokeStyle = '#d5d9e0';
    ctx.beginPath();
    ctx.arc(
      L.width / 2,
      L.height / 2,
      Math.hypot(L.centres[0]! - L.width / 2, L.centres[1]! - L.height / 2),
      0,
      2 * Math.PI,
    );
    ctx.stroke();
  }
  if (mode === 'codebook') {
    if (codebookView(s.shape) === 'colour') {
      const range = codebookRange(s.codebook);
      fillCells(ctx, L, (i) => rgbCss(neuronColour(s.codebook, i, range)));
    } else drawImages(ctx, s, L);
    return null;
  }
  if (mode === 'firing' && s.firing) return drawFiring(ctx, s.firing, L);
  if (mode === 'classFiring' && s.firingByClass) return drawClassFiring(ctx, s.firingByClass, L);
  if (mode === 'classes' && s.classMap) {
    const cm = s.classMap;
    fillCells(ctx, L, (i) => rgbCss(classColour(cm[i]!)));
    return { kind: 'classes', classes: [...new Set(cm)].filter((k) => k >= 0).sort((a, b) => a - b) };
  }
  const values = mode === 'hits' ? s.hits : s.umatrix;
  const ext: [number, number] = mode === 'hits' ? [0, Math.max(1, extent(s.hits)[1])] : extent(values);
  const scale = mode === 'hits' ? 'viridis' : 'greys';
  fillCells(ctx, L, (i) => rgbCss(SCALES[scale](normalise(values[i]!, ext))));
  return {
    kind: 'scale',
    scale,
    lo: ext[0],
    hi: ext[1],
    label: mode === 'hits' ? 'winner count' : 'mean distance to neighbours',
  };
}

const short = (v: number): string =>
  Math.abs(v) >= 100 || Number.isInteger(v) ? String(Math.round(v)) : v.toPrecision(3);

/** The legend strip at (x, y), width w. */
export function drawLegend(
  ctx: CanvasRenderingContext2D,
  legend: Legend | ClassLegend | null,
  x: number,
  y: number,
  w: number,
  classNames: string[] = [],
): void {
  if (!legend) return;
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  if (legend.kind === 'scale') {
    const bw = Math.min(180, w - 90);
    for (let k = 0; k < bw; k++) {
      ctx.fillStyle = rgbCss(SCALES[legend.scale](k / (bw - 1)));
      ctx.fillRect(x + 30 + k, y + 8, 1, 10);
    }
    ctx.fillStyle = '#4a5567';
    ctx.textAlign = 'right';
    ctx.fillText(short(legend.lo), x + 26, y + 13);
    ctx.textAlign = 'left';
    ctx.fillText(short(legend.hi), x + 34 + bw, y + 13);
    ctx.fillText(legend.label, x + 30, y + 27);
    return;
  }
  let cx = x;
  ctx.textAlign = 'left';
  for (const k of legend.classes.slice(0, 20)) {
    const name = classNames[k] ?? String(k);
    const tw = ctx.measureText(name).width;
    if (cx + tw + 18 > x + w) break;
    ctx.fillStyle = rgbCss(classColour(k));
    ctx.fillRect(cx, y + 7, 10, 10);
    ctx.fillStyle = '#4a5567';
    ctx.fillText(name, cx + 13, y + 12);
    cx += tw + 22;
  }
}

const PAD = 4;

/** The canvas size a snapshot needs at width w (height capped at maxH), and its layout. */
export function sizeFor(
  s: SomSnapshot,
  w: number,
  maxH: number,
): { layout: GridLayout; width: number; height: number } {
  const layout = layoutFor(s, w, maxH + LEGEND_H, PAD);
  return { layout, width: w, height: Math.ceil(layout.height + 2 * PAD + LEGEND_H) };
}

/**
 * Paints the whole panel (map centred, legend under it) into a context already scaled to CSS px.
 * `fade` whitens the map (the winner trace draws over it); `overlay` draws in map coordinates.
 */
export function paintSnapshot(
  ctx: CanvasRenderingContext2D,
  s: SomSnapshot,
  mode: GridMode,
  size: { layout: GridLayout; width: number; height: number },
  o: {
    classNames?: string[];
    fade?: number;
    overlay?: (ctx: CanvasRenderingContext2D, L: GridLayout) => void;
    /** The colour scale's caption, for maps of other per-neuron values (a difference map). */
    valueLabel?: string;
  } = {},
): void {
  const { layout: L, width, height } = size;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  const ox = Math.max(PAD, (width - L.width) / 2);
  ctx.save();
  ctx.translate(ox, PAD);
  const legend = drawMap(ctx, s, L, mode);
  if (legend?.kind === 'scale' && o.valueLabel) legend.label = o.valueLabel;
  if (o.fade) {
    ctx.fillStyle = `rgba(255,255,255,${o.fade})`;
    ctx.fillRect(-PAD, -PAD, L.width + 2 * PAD, L.height + 2 * PAD);
  }
  o.overlay?.(ctx, L);
  ctx.restore();
  if (!o.fade) drawLegend(ctx, legend, ox, PAD + L.height + 2, width - ox, o.classNames);
}
