/**
 * The playground's plane on a canvas: the decision boundary (shared/map/boundary-image, the figure's pixels),
 * the soft SOM's nodes linked by lattice edges, the points, the keyboard cursor and the axes. The plane is
 * [-PLANE_EXTENT, PLANE_EXTENT]² with x₂ upwards, as the engine samples it. Sizes are in CSS px.
 */
import type { SomSnapshot } from '../../../shared/run-types';
import { boundaryClassColour, boundaryPixels, PLANE_EXTENT as E } from '../../../shared/map/boundary-image';
import { makeGrid, neighbourLists } from '../../../shared/som-math';
import { rgbCss } from '../../../shared/charts/colours';

/** Where the plane sits on the canvas: its left and top edges and its side. */
export interface PlaneBox {
  left: number;
  top: number;
  side: number;
}
export const AXIS_LEFT = 48,
  AXIS_BOTTOM = 30;

export const toPx = (b: PlaneBox, x: number, y: number): [number, number] => [
  b.left + ((x + E) / (2 * E)) * b.side,
  b.top + ((E - y) / (2 * E)) * b.side,
];
export const fromPx = (b: PlaneBox, px: number, py: number): [number, number] => [
  ((px - b.left) / b.side) * 2 * E - E,
  E - ((py - b.top) / b.side) * 2 * E,
];

export function drawBoundary(ctx: CanvasRenderingContext2D, s: SomSnapshot, classes: number, b: PlaneBox): void {
  const px = boundaryPixels(s, classes);
  const c = document.createElement('canvas');
  c.width = px.width;
  c.height = px.height;
  c.getContext('2d')!.putImageData(new ImageData(px.data, px.width, px.height), 0, 0);
  ctx.imageSmoothingEnabled = true; // 64² samples of a smooth function: no staircase
  ctx.drawImage(c, b.left, b.top, b.side, b.side);
}

/** Nodes at their place in the plane, each linked to its lattice neighbours; a node with no place is left out. */
export function drawLattice(ctx: CanvasRenderingContext2D, s: SomSnapshot, b: PlaneBox): void {
  const at = (v: number) => toPx(b, s.codebook[2 * v]!, s.codebook[2 * v + 1]!);
  const placed = (v: number) => Number.isFinite(s.codebook[2 * v]) && Number.isFinite(s.codebook[2 * v + 1]);
  const lists = neighbourLists(makeGrid(s.rows, s.cols, s.topology), false);
  ctx.save();
  ctx.beginPath();
  lists.forEach((nb, i) =>
    nb.forEach((j) => {
      if (j <= i || !placed(i) || !placed(j)) return;
      ctx.moveTo(...at(i));
      ctx.lineTo(...at(j));
    }),
  );
  // Light enough to read the boundary through: an interposed SOM's nodes, placed by centroid, may cross a lot.
  ctx.strokeStyle = 'rgba(17,24,39,0.5)';
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.fillStyle = '#ffffff';
  ctx.strokeStyle = '#111827';
  for (let v = 0; v < s.rows * s.cols; v++) {
    if (!placed(v)) continue;
    ctx.beginPath();
    ctx.arc(...at(v), 2.5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}

export function drawPoints(
  ctx: CanvasRenderingContext2D,
  points: readonly (readonly [number, number])[],
  labels: readonly number[],
  classes: number,
  b: PlaneBox,
): void {
  ctx.save();
  points.forEach(([x, y], i) => {
    const [px, py] = toPx(b, x, y);
    // A white ring inside a dark one: a point stays visible over a region of its own colour, light or dark.
    ctx.beginPath();
    ctx.arc(px, py, 4, 0, 2 * Math.PI);
    ctx.fillStyle = rgbCss(boundaryClassColour(labels[i]!, classes));
    ctx.fill();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(px, py, 5.25, 0, 2 * Math.PI);
    ctx.lineWidth = 1;
    ctx.strokeStyle = '#111827';
    ctx.stroke();
  });
  ctx.restore();
}

export function drawCursor(ctx: CanvasRenderingContext2D, x: number, y: number, b: PlaneBox): void {
  const [px, py] = toPx(b, x, y);
  ctx.save();
  ctx.strokeStyle = '#d1005a';
  ctx.lineWidth = 2;
  ctx.strokeRect(px - 7, py - 7, 14, 14);
  ctx.restore();
}

/** Frame, ticks at −1, −0.5, 0, 0.5, 1 on both axes, and their names x₁ (across) and x₂ (up). */
export function drawAxes(ctx: CanvasRenderingContext2D, b: PlaneBox): void {
  ctx.save();
  ctx.strokeStyle = '#4a5567';
  ctx.fillStyle = '#4a5567';
  ctx.lineWidth = 1;
  ctx.strokeRect(b.left, b.top, b.side, b.side);
  ctx.font = '11px system-ui, sans-serif';
  for (const t of [-1, -0.5, 0, 0.5, 1]) {
    const [tx] = toPx(b, t, 0),
      [, ty] = toPx(b, 0, t);
    ctx.beginPath();
    ctx.moveTo(tx, b.top + b.side);
    ctx.lineTo(tx, b.top + b.side + 4);
    ctx.moveTo(b.left - 4, ty);
    ctx.lineTo(b.left, ty);
    ctx.stroke();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.fillText(String(t), tx, b.top + b.side + 5);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.fillText(String(t), b.left - 6, ty);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText('x₁', b.left + b.side / 2, b.top + b.side + 17);
  ctx.textBaseline = 'middle';
  ctx.fillText('x₂', 9, b.top + b.side / 2);
  ctx.restore();
}
