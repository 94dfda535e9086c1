/**
 * A SOM snapshot's panel on a 2D canvas: the modes it offers, its size, and the map (draw-map.ts) with the
 * colour legend (draw-legend.ts) underneath so an exported PNG is self-explaining. Sizes are in CSS px; the
 * caller scales the context for the pixel ratio.
 */
import type { SomSnapshot } from '../../../shared/run-types';
import { gridLayout, type GridLayout } from '../../../shared/map/grid-geometry';
import { codebookView } from '../../../shared/map/codebook-image';
import { drawLegend, LEGEND_H } from './draw-legend';
import { drawMap } from './draw-map';

export type GridMode = 'codebook' | 'umatrix' | 'hits' | 'classes' | 'firing' | 'classFiring';

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

export { modeLabel } from './mode-labels';

/** Layout for a snapshot inside w×h px, leaving room for the legend. */
export function layoutFor(s: SomSnapshot, w: number, h: number, pad = 4): GridLayout {
  return gridLayout(s.rows, s.cols, s.topology, Math.max(10, w - 2 * pad), Math.max(10, h - LEGEND_H - 2 * pad));
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
