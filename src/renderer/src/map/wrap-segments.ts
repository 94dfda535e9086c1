/**
 * Winner paths over the grid, wrap-aware: on a torus (and a ring laid out as a line) a step from the last
 * column to the first is one cell long, so it is drawn as two short stubs leaving one edge and entering the
 * opposite one, never as a line across the whole map.
 */
export interface GridPoint {
  row: number;
  col: number;
}
export type Segment = [GridPoint, GridPoint];

export interface WrapRule {
  rows: number;
  cols: number;
  wrapRows: boolean;
  wrapCols: boolean;
}

export function wrapRule(rows: number, cols: number, topology: string): WrapRule {
  return { rows, cols, wrapRows: topology === 'torus', wrapCols: topology === 'torus' || topology === 'ring' };
}

/** The shortest signed step from a to b along an axis of length n (wrapping when asked). */
export function shortestStep(a: number, b: number, n: number, wraps: boolean): number {
  let d = b - a;
  if (wraps && Math.abs(d) > n / 2) d -= Math.sign(d) * n;
  return d;
}

/**
 * Splits the move a → b into the segments to draw, in grid coordinates (row, col; may lie outside the
 * grid by up to one step: the canvas clips them). One segment when no wrap is shorter.
 */
export function splitStep(a: GridPoint, b: GridPoint, rule: WrapRule): Segment[] {
  const dr = shortestStep(a.row, b.row, rule.rows, rule.wrapRows);
  const dc = shortestStep(a.col, b.col, rule.cols, rule.wrapCols);
  if (dr === b.row - a.row && dc === b.col - a.col) return [[a, b]];
  return [
    [a, { row: a.row + dr, col: a.col + dc }],
    [{ row: b.row - dr, col: b.col - dc }, b],
  ];
}

export const indexToPoint = (i: number, cols: number): GridPoint => ({ row: Math.floor(i / cols), col: i % cols });

/** Every segment of a path of neuron indices (consecutive repeats draw nothing). */
export function pathSegments(path: readonly number[], rule: WrapRule): Segment[] {
  const out: Segment[] = [];
  for (let k = 1; k < path.length; k++) {
    if (path[k] === path[k - 1]) continue;
    out.push(...splitStep(indexToPoint(path[k - 1]!, rule.cols), indexToPoint(path[k]!, rule.cols), rule));
  }
  return out;
}
