/**
 * Compare's map alignment: run B's map relabelled by the lattice symmetry that best matches run A's
 * codebook (src/shared/align), and the per-neuron distance between them as a map of its own.
 */
import { alignCodebooks, alignViews } from '../../../shared/align/align';
import type { SomSnapshot } from '../../../shared/run-types';

export interface AlignedPair {
  aligned: SomSnapshot;
  /** A snapshot whose U-matrix slot holds ‖a_i − b′_i‖ (drawn as a scale map of that value). */
  difference: SomSnapshot;
  /** "rotated 90° clockwise · RMS distance 0.02 (0.31 before)". */
  text: string;
}

/** Why two maps cannot be aligned, or null when they can (same lattice and codebook size). */
export function alignProblem(a: SomSnapshot, b: SomSnapshot): string | null {
  if (a.rows !== b.rows || a.cols !== b.cols || a.topology !== b.topology)
    return `different lattices (${a.rows}×${a.cols} ${a.topology} vs ${b.rows}×${b.cols} ${b.topology})`;
  if (a.codebook.length !== b.codebook.length) return 'codebook vectors of different sizes';
  return null;
}

export function alignPair(a: SomSnapshot, b: SomSnapshot): AlignedPair {
  const n = a.rows * a.cols;
  const al = alignCodebooks(a.codebook, b.codebook, a, a.codebook.length / n);
  const aligned = { ...b, ...alignViews(b, al.symmetry.perm) };
  const difference = { ...a, umatrix: al.diff, hits: al.diff, classMap: undefined };
  const text = `${al.description} · RMS distance ${al.distance.toPrecision(3)} (${al.unaligned.toPrecision(3)} before)`;
  return { aligned, difference, text };
}
