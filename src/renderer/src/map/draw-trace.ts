/**
 * The winner trace: where each probe sample's best unit sat over the last frames, as a fading path and a
 * dot at the current winner, over a faint map. Paths on a torus are split at the wrap (wrap-segments.ts);
 * a ring is drawn as a circle, where the last and the first neuron are neighbours on screen anyway.
 */
import type { WinnerTrace } from '../../../shared/run-types';
import type { GridLayout } from '../../../shared/map/grid-geometry';
import { gridToPixel } from '../../../shared/map/grid-geometry';
import { classColour, rgbCss } from '../../../shared/charts/colours';
import { pathSegments, wrapRule } from './wrap-segments';

/** Probe colour: its class when labelled (label ≥ 0), else one of the palette by probe number. */
export const probeColour = (p: number, labels?: Int32Array): string =>
  rgbCss(classColour(labels && labels[p]! >= 0 ? labels[p]! : p % 10));

/** A small fixed offset per probe so that probes sharing a winner stay visible side by side. */
export function probeOffset(p: number, cell: number): [number, number] {
  if (p === 0) return [0, 0];
  const a = p * 2.399963; // golden angle
  const r = cell * 0.22 * Math.sqrt((p % 12) / 12);
  return [r * Math.cos(a), r * Math.sin(a)];
}

export function drawTrace(
  ctx: CanvasRenderingContext2D,
  L: GridLayout,
  frames: WinnerTrace[],
  upTo: number,
  trail: number,
): void {
  if (!frames.length) return;
  const end = Math.min(upTo, frames.length - 1);
  const from = Math.max(0, end - trail);
  const probes = frames[end]!.winners.length;
  const rule = wrapRule(L.rows, L.cols, L.topology);
  const ring = L.topology === 'ring';
  const labels = frames[end]!.labels;
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, L.width, L.height);
  ctx.clip();
  ctx.lineWidth = Math.max(1, L.cell * 0.08);
  ctx.lineCap = 'round';
  for (let p = 0; p < probes; p++) {
    const colour = probeColour(p, labels);
    const [ox, oy] = probeOffset(p, L.cell);
    const path = frames.slice(from, end + 1).map((f) => f.winners[p]!);
    ctx.strokeStyle = colour;
    ctx.globalAlpha = 0.55;
    ctx.beginPath();
    if (ring) {
      for (let k = 1; k < path.length; k++) {
        ctx.moveTo(L.centres[2 * path[k - 1]!]! + ox, L.centres[2 * path[k - 1]! + 1]! + oy);
        ctx.lineTo(L.centres[2 * path[k]!]! + ox, L.centres[2 * path[k]! + 1]! + oy);
      }
    } else {
      for (const [a, b] of pathSegments(path, rule)) {
        const pa = gridToPixel(L, a.row, a.col),
          pb = gridToPixel(L, b.row, b.col);
        ctx.moveTo(pa.x + ox, pa.y + oy);
        ctx.lineTo(pb.x + ox, pb.y + oy);
      }
    }
    ctx.stroke();
    const w = path[path.length - 1]!;
    ctx.globalAlpha = 1;
    ctx.fillStyle = colour;
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.arc(L.centres[2 * w]! + ox, L.centres[2 * w + 1]! + oy, Math.max(2.5, L.cell * 0.16), 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    ctx.lineWidth = Math.max(1, L.cell * 0.08);
  }
  ctx.restore();
}
