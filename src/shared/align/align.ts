/**
 * Map alignment: of all the lattice's symmetries, the relabelling of map B that brings its codebook closest
 * to map A's (least summed squared distance), the aligned B and a per-neuron difference map. Pure typed-array
 * code, shared by the engine (figures) and the renderer (Compare).
 */
import { describeSymmetry, latticeSymmetries, type Lattice, type MapSymmetry } from './symmetries';

export interface Alignment {
  symmetry: MapSymmetry;
  /** The symmetry in words ("rotated 90° clockwise"). */
  description: string;
  /** RMS over neurons of ‖a_i − b′_i‖ after alignment (0 when B is A relabelled). */
  distance: number;
  /** The same before alignment (B as it is). */
  unaligned: number;
  /** ‖a_i − b′_i‖ per neuron of A's lattice. */
  diff: Float32Array;
}

type Values = Float32Array | Float64Array | Int32Array;

/** Rows of `values` (each `width` wide) in the order `perm` gives: out row i = values row perm[i]. */
export function permuteRows<T extends Values>(values: T, perm: Int32Array, width = 1): T {
  const out = new (values.constructor as new (n: number) => T)(values.length);
  for (let i = 0; i < perm.length; i++) out.set(values.subarray(perm[i]! * width, (perm[i]! + 1) * width), i * width);
  return out;
}

function squaredDistance(a: Float32Array, i: number, b: Float32Array, j: number, dim: number): number {
  let s = 0;
  for (let k = 0, ai = i * dim, bj = j * dim; k < dim; k++) {
    const d = a[ai + k]! - b[bj + k]!;
    s += d * d;
  }
  return s;
}

/** Biggest pairwise table (n × n floats) built to score many shifts at once; larger maps score directly. */
const MAX_PAIR_TABLE = 1 << 22;

/** Summed squared distance of each symmetry, from an n × n table of pair distances when that is cheaper. */
function costs(a: Float32Array, b: Float32Array, dim: number, syms: MapSymmetry[]): Float64Array {
  const n = a.length / dim;
  const out = new Float64Array(syms.length);
  if (syms.length > 8 && n * n <= MAX_PAIR_TABLE) {
    const pair = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) pair[i * n + j] = squaredDistance(a, i, b, j, dim);
    syms.forEach((s, k) => {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += pair[i * n + s.perm[i]!]!;
      out[k] = sum;
    });
    return out;
  }
  syms.forEach((s, k) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += squaredDistance(a, i, b, s.perm[i]!, dim);
    out[k] = sum;
  });
  return out;
}

function checkShapes(a: Float32Array, b: Float32Array, lattice: Lattice, dim: number): void {
  const n = lattice.rows * lattice.cols;
  if (!(Number.isInteger(dim) && dim >= 1))
    throw new Error(`codebook dimension must be a whole number ≥ 1, got ${dim}`);
  for (const [name, cb] of [
    ['A', a],
    ['B', b],
  ] as const) {
    if (cb.length !== n * dim) {
      throw new Error(
        `map ${name}: expected a codebook of ${lattice.rows}×${lattice.cols} neurons × ${dim} values ` +
          `(${n * dim}), received ${cb.length} values`,
      );
    }
  }
}

/** Finds the symmetry of `lattice` under which map B's codebook best matches map A's. */
export function alignCodebooks(a: Float32Array, b: Float32Array, lattice: Lattice, dim: number): Alignment {
  checkShapes(a, b, lattice, dim);
  const n = lattice.rows * lattice.cols;
  const syms = latticeSymmetries(lattice);
  const cost = costs(a, b, dim, syms);
  let best = 0;
  for (let k = 1; k < syms.length; k++) if (cost[k]! < cost[best]!) best = k;
  const symmetry = syms[best]!;
  const diff = new Float32Array(n);
  for (let i = 0; i < n; i++) diff[i] = Math.sqrt(squaredDistance(a, i, b, symmetry.perm[i]!, dim));
  return {
    symmetry,
    description: describeSymmetry(symmetry),
    distance: Math.sqrt(cost[best]! / n),
    unaligned: Math.sqrt(cost[0]! / n),
    diff,
  };
}

/** Per-neuron views of a map, relabelled by an alignment (codebook rows, hits, U-matrix, class map). */
export interface NeuronViews {
  codebook: Float32Array;
  hits: Float32Array;
  umatrix: Float32Array;
  classMap?: Int32Array;
}

export function alignViews<V extends NeuronViews>(views: V, perm: Int32Array): V {
  const dim = views.codebook.length / perm.length;
  return {
    ...views,
    codebook: permuteRows(views.codebook, perm, dim),
    hits: permuteRows(views.hits, perm),
    umatrix: permuteRows(views.umatrix, perm),
    ...(views.classMap ? { classMap: permuteRows(views.classMap, perm) } : {}),
  };
}
