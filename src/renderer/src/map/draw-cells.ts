/** Canvas primitives the map painters share: a cell's outline as a path, and every cell filled in turn. */
import { cellPolygon, type GridLayout } from '../../../shared/map/grid-geometry';

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
  const n = L.rows * L.cols,
    s = L.cell * inset;
  for (let i = 0; i < n; i++) {
    ctx.fillStyle = colour(i);
    const [cx, cy] = [L.centres[2 * i]!, L.centres[2 * i + 1]!];
    // A square is one fillRect: the same pixels as its path, for a fraction of the cost.
    if (L.shape === 'square') ctx.fillRect(cx - s / 2, cy - s / 2, s, s);
    else {
      path(ctx, cellPolygon(L.shape, cx, cy, s));
      ctx.fill();
    }
  }
}
