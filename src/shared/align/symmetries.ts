/**
 * The symmetries of a SOM lattice: the ways to relabel its neurons that keep every neighbour a neighbour.
 * Two maps trained from different seeds are equal only up to these. The candidates are the rigid motions of
 * the bounding box (4 mirrors/rotations; 8 with the transposes of a square grid) and, on a torus or ring, every
 * shift; a candidate is kept only when it sends every neuron onto a neuron, so the lattice's geometry decides
 * (an offset-row hex grid keeps only the flip that preserves row parity, a non-square grid loses its
 * quarter turns).
 */
import type { Topology } from '../options';

export interface Lattice {
  rows: number;
  cols: number;
  topology: Topology | string;
}

/** One relabelling: neuron i of map A corresponds to neuron `perm[i]` of map B. */
export interface MapSymmetry {
  /** Mirror/rotation part, e.g. "rot90" (clockwise on screen), "flip-x" (left–right). */
  op: SymmetryOp;
  /** Shift (rows, cols) applied after the op; [0, 0] on lattices that do not wrap. */
  shift: [number, number];
  perm: Int32Array;
}

export const SYMMETRY_OPS = [
  'identity',
  'flip-x',
  'flip-y',
  'rot180',
  'transpose',
  'rot90',
  'rot270',
  'anti-transpose',
] as const;
export type SymmetryOp = (typeof SYMMETRY_OPS)[number];

/** Lattice coordinates with hex columns doubled (odd rows sit half a cell right), so all stay integers. */
function coords(l: Lattice, i: number): [number, number] {
  const r = Math.floor(i / l.cols),
    c = i % l.cols;
  return l.topology === 'hex' ? [r, 2 * c + (r & 1)] : [r, c];
}

/** (row, x) → neuron index, or -1 where no neuron sits. */
function indexAt(l: Lattice, r: number, x: number): number {
  if (r < 0 || r >= l.rows) return -1;
  if (l.topology !== 'hex') return x >= 0 && x < l.cols ? r * l.cols + x : -1;
  const c2 = x - (r & 1);
  return c2 >= 0 && c2 % 2 === 0 && c2 / 2 < l.cols ? r * l.cols + c2 / 2 : -1;
}

type PointOp = (r: number, x: number) => [number, number];

function pointOps(l: Lattice): Partial<Record<SymmetryOp, PointOp>> {
  const hex = l.topology === 'hex';
  const maxR = l.rows - 1;
  const maxX = hex ? 2 * (l.cols - 1) + (l.rows > 1 ? 1 : 0) : l.cols - 1;
  const ops: Partial<Record<SymmetryOp, PointOp>> = {
    identity: (r, x) => [r, x],
    'flip-x': (r, x) => [r, maxX - x],
    'flip-y': (r, x) => [maxR - r, x],
    rot180: (r, x) => [maxR - r, maxX - x],
  };
  if (!hex && l.rows === l.cols) {
    const n = l.rows - 1;
    // Screen coordinates (row down, column right): a clockwise quarter turn sends (r, c) to (c, n − r).
    Object.assign(ops, {
      transpose: (r: number, x: number) => [x, r],
      rot90: (r: number, x: number) => [x, n - r],
      rot270: (r: number, x: number) => [n - x, r],
      'anti-transpose': (r: number, x: number) => [n - x, n - r],
    });
  }
  return ops;
}

/** The relabelling an op makes, or null when some neuron would land where no neuron is. */
function permOf(l: Lattice, op: PointOp): Int32Array | null {
  const n = l.rows * l.cols;
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const [r, x] = coords(l, i);
    const j = indexAt(l, ...op(r, x));
    if (j < 0) return null;
    perm[i] = j;
  }
  return perm;
}

function shifted(l: Lattice, perm: Int32Array, dr: number, dc: number): Int32Array {
  const out = new Int32Array(perm.length);
  for (let i = 0; i < perm.length; i++) {
    const r = Math.floor(perm[i]! / l.cols),
      c = perm[i]! % l.cols;
    out[i] = ((r + dr) % l.rows) * l.cols + ((c + dc) % l.cols);
  }
  return out;
}

const key = (p: Int32Array): string => p.join(',');

/** Every distinct symmetry of the lattice, the identity first (so ties resolve to "no change"). */
export function latticeSymmetries(l: Lattice): MapSymmetry[] {
  if (!(l.rows >= 1 && l.cols >= 1)) throw new Error(`lattice must be at least 1×1, received ${l.rows}×${l.cols}`);
  const wrapRows = l.topology === 'torus' ? l.rows : 1;
  const wrapCols = l.topology === 'torus' || l.topology === 'ring' ? l.cols : 1;
  const seen = new Set<string>();
  const out: MapSymmetry[] = [];
  for (const [op, fn] of Object.entries(pointOps(l)) as [SymmetryOp, PointOp][]) {
    const base = permOf(l, fn);
    if (!base) continue;
    for (let dr = 0; dr < wrapRows; dr++)
      for (let dc = 0; dc < wrapCols; dc++) {
        const perm = dr === 0 && dc === 0 ? base : shifted(l, base, dr, dc);
        const k = key(perm);
        if (seen.has(k)) continue;
        seen.add(k);
        out.push({ op, shift: [dr, dc], perm });
      }
  }
  return out;
}

/** Words for a symmetry, for titles: "rotated 90° clockwise, shifted by 2 rows and 3 columns". */
export function describeSymmetry(s: Pick<MapSymmetry, 'op' | 'shift'>): string {
  const words: Record<SymmetryOp, string> = {
    identity: 'unchanged',
    'flip-x': 'mirrored left–right',
    'flip-y': 'mirrored top–bottom',
    rot180: 'rotated 180°',
    transpose: 'transposed',
    rot90: 'rotated 90° clockwise',
    rot270: 'rotated 90° anticlockwise',
    'anti-transpose': 'transposed across the other diagonal',
  };
  const [dr, dc] = s.shift;
  const parts = [dr ? `${dr} row${dr === 1 ? '' : 's'}` : '', dc ? `${dc} column${dc === 1 ? '' : 's'}` : ''];
  const shift = parts.filter(Boolean).join(' and ');
  if (!shift) return words[s.op];
  return s.op === 'identity' ? `shifted by ${shift}` : `${words[s.op]}, shifted by ${shift}`;
}
