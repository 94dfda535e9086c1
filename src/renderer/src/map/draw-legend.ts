/** The colour legend under a map (a value scale or the classes shown), so an exported PNG explains itself. */
import { SCALES, classColour, rgbCss, type ScaleName } from '../../../shared/charts/colours';

/** The legend strip's height in CSS px. */
export const LEGEND_H = 34;

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
  if (legend.kind === 'scale') drawScale(ctx, legend, x, y, w);
  else drawClasses(ctx, legend, x, y, w, classNames);
}

function drawScale(ctx: CanvasRenderingContext2D, legend: Legend, x: number, y: number, w: number): void {
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
  fitText(ctx, legend.label, x + 30, y + 27, w - 30);
}

/**
 * A caption in the room there is: a small filmstrip frame shrinks the font down to 8 px, then drops whole
 * " · " parts from the end and marks the cut with "…", so no word is clipped mid-letter at the canvas edge.
 */
export function fitText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, room: number): void {
  ctx.fillText(fittedCaption(ctx, text, room), x, y);
  ctx.font = '11px system-ui, sans-serif';
}

/** The caption drawn by fitText, leaving ctx.font at the size it fits in. */
export function fittedCaption(ctx: CanvasRenderingContext2D, text: string, room: number): string {
  for (let px = 11; px >= 8; px--) {
    ctx.font = `${px}px system-ui, sans-serif`;
    if (ctx.measureText(text).width <= room) return text;
  }
  const fits = (t: string): boolean => ctx.measureText(`${t} …`).width <= room;
  let parts = text.split(' · ');
  while (parts.length > 1 && !fits(parts.join(' · '))) parts = parts.slice(0, -1);
  // Even the first part is too wide (a filmstrip thumbnail): drop its last words instead.
  let words = parts.join(' · ').split(' ');
  while (words.length > 1 && !fits(words.join(' '))) words = words.slice(0, -1);
  return `${words.join(' ')} …`;
}

/** A swatch and name per class, as many as fit on the line (at most 20). */
function drawClasses(
  ctx: CanvasRenderingContext2D,
  legend: ClassLegend,
  x: number,
  y: number,
  w: number,
  classNames: string[],
): void {
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
