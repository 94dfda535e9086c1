/**
 * Map lattices (docs/SCIENCE.md §1): neuron positions on the grid and squared grid distances, wrap-aware on
 * ring and torus. Hex grids use offset rows (odd rows shifted half a cell, rows √3/2 apart).
 */
import type { Topology } from '../options';

export interface Grid {
  rows: number;
  cols: number;
  topology: Topology;
  n: number;
  /** [n·2] (y, x) per neuron. */
  positions: Float32Array;
  /** [n·n] squared grid distance. */
  dist2: Float32Array;
}

const HEX_DY = Math.sqrt(3) / 2;

function position(topology: Topology, r: number, c: number): [number, number] {
  if (topology === 'hex') return [r * HEX_DY, c + (r % 2 === 1 ? 0.5 : 0)];
  return [r, c];
}

/** Shortest difference along an axis of length `size` when it wraps. */
const wrapped = (d: number, size: number): number => Math.min(Math.abs(d), size - Math.abs(d));

export function makeGrid(rows: number, cols: number, topology: Topology): Grid {
  if ((topology === 'chain' || topology === 'ring') && rows !== 1) {
    throw new Error(`a ${topology} is one-dimensional: rows must be 1, received ${rows}`);
  }
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
    throw new Error(`grid size must be whole numbers ≥ 1, received ${rows}×${cols}`);
  }
  const n = rows * cols;
  const positions = new Float32Array(n * 2);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) positions.set(position(topology, r, c), (r * cols + c) * 2);
  const dist2 = new Float32Array(n * n);
  const wrapY = topology === 'torus',
    wrapX = topology === 'torus' || topology === 'ring';
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let dy = positions[i * 2]! - positions[j * 2]!;
      let dx = positions[i * 2 + 1]! - positions[j * 2 + 1]!;
      if (wrapY) dy = wrapped(dy, rows);
      if (wrapX) dx = wrapped(dx, cols);
      dist2[i * n + j] = dy * dy + dx * dx;
    }
  }
  return { rows, cols, topology, n, positions, dist2 };
}

/**
 * Lattice neighbours, for TE and the U-matrix: 6 on hex (all at distance 1: offset rows √3/2 apart and ½
 * across), ±1 on chain/ring, and on rect/torus the 8-neighbourhood by default, diagonals (√2) included, as
 * MiniSom counts them. That is the convention the presets' TE targets were set with: `diagonals = false`
 * gives the 4-neighbourhood of the SOM Toolbox, under which the same colour map reads a TE 3–7× higher.
 * Wrapping on ring and torus comes from dist2.
 */
export function areNeighbours(g: Grid, i: number, j: number, diagonals = true): boolean {
  if (i === j) return false;
  const reach = diagonals && (g.topology === 'rect' || g.topology === 'torus') ? 2 : 1;
  return g.dist2[i * g.n + j]! <= reach + 1e-4;
}

/** Neighbour lists, for U-matrices. */
export function neighbourLists(g: Grid, diagonals = true): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < g.n; i++) {
    const list: number[] = [];
    for (let j = 0; j < g.n; j++) if (areNeighbours(g, i, j, diagonals)) list.push(j);
    out.push(list);
  }
  return out;
}
