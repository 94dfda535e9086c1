/**
 * Sparse distributed representations: per-class mean codes (the neurons × classes heat map), set algebra
 * on single binary codes, and how much the class codes share.
 */
import { type BinaryCodes, checkSameLength, checkShape, isActive } from './common';

/** Mean fraction of active units: (1/(n·N)) Σ_{i,j} [codes_ij > 0.5]; 0 for no codes. Needs no shape. */
export function sparsity(codes: BinaryCodes): number {
  let on = 0;
  for (let i = 0; i < codes.length; i++) if (isActive(codes[i]!)) on++;
  return codes.length === 0 ? 0 : on / codes.length;
}

/**
 * Mean SDR per class, [nClasses, N] row-major: m_{c,j} = #{i : y_i = c, codes_ij active} / #{i : y_i = c},
 * the fraction of class c's samples on which unit j fires. Labels < 0 are skipped; a class with no samples
 * has a zero row; a label ≥ nClasses is an error.
 */
export function meanSdrPerClass(codes: BinaryCodes, labels: Int32Array, n: number, N: number, nClasses: number): Float64Array {
  checkShape('mean SDR codes', codes, n, N);
  checkSameLength('codes rows', n, 'labels', labels.length);
  const sum = new Float64Array(nClasses * N), count = new Float64Array(nClasses);
  for (let i = 0; i < n; i++) {
    const y = labels[i]!;
    if (y < 0) continue;
    if (y >= nClasses) throw new Error(`mean SDR labels: expected classes 0..${nClasses - 1} (or −1), got ${y} at sample ${i}`);
    count[y]!++;
    for (let j = 0, o = i * N, r = y * N; j < N; j++) if (isActive(codes[o + j]!)) sum[r + j]!++;
  }
  for (let c = 0; c < nClasses; c++) if (count[c]! > 0) for (let j = 0; j < N; j++) sum[c * N + j]! /= count[c]!;
  return sum;
}

function pairwise(a: BinaryCodes, b: BinaryCodes, op: (x: boolean, y: boolean) => boolean): Uint8Array {
  checkSameLength('code a', a.length, 'code b', b.length);
  const out = new Uint8Array(a.length);
  for (let j = 0; j < a.length; j++) out[j] = op(isActive(a[j]!), isActive(b[j]!)) ? 1 : 0;
  return out;
}

/** a ∪ b: units active in either code. */
export const union = (a: BinaryCodes, b: BinaryCodes): Uint8Array => pairwise(a, b, (x, y) => x || y);
/** a ∩ b: units active in both codes. */
export const intersection = (a: BinaryCodes, b: BinaryCodes): Uint8Array => pairwise(a, b, (x, y) => x && y);
/** a \ b: units active in a but not in b. */
export const difference = (a: BinaryCodes, b: BinaryCodes): Uint8Array => pairwise(a, b, (x, y) => x && !y);

/** Overlap |a ∩ b|: the number of units active in both codes. */
export function overlap(a: BinaryCodes, b: BinaryCodes): number {
  checkSameLength('code a', a.length, 'code b', b.length);
  let o = 0;
  for (let j = 0; j < a.length; j++) if (isActive(a[j]!) && isActive(b[j]!)) o++;
  return o;
}

/**
 * Binarise each row of a [rows, N] score matrix to its k highest entries (ties: lower index first). Only
 * entries > 0 qualify, so a class that fires on fewer than k units (or an empty class) keeps fewer.
 */
export function topKRows(scores: ArrayLike<number>, rows: number, N: number, k: number): Uint8Array {
  checkShape('top-k scores', scores, rows, N);
  const out = new Uint8Array(rows * N);
  const idx = Array.from({ length: N }, (_, j) => j);
  for (let r = 0, o = 0; r < rows; r++, o += N) {
    idx.sort((a, b) => scores[o + b]! - scores[o + a]! || a - b);
    for (let t = 0; t < Math.min(k, N) && scores[o + idx[t]!]! > 0; t++) out[o + idx[t]!] = 1;
  }
  return out;
}

export interface ClassOverlap {
  /** k: units kept per class, round(mean active count per sample) over the labelled samples. */
  k: number;
  /** Binarised class codes [nClasses, N]: the top-k units of each class's mean SDR. */
  classCodes: Uint8Array;
  /** overlap_{a,b} = |code_a ∩ code_b|, [nClasses, nClasses]; the diagonal is each code's size (≤ k). */
  overlap: Int32Array;
}

/** Class-code overlap matrix from codes [n, N] and labels (the SDR set algebra between classes). */
export function classOverlap(codes: BinaryCodes, labels: Int32Array, n: number, N: number, nClasses: number): ClassOverlap {
  const mean = meanSdrPerClass(codes, labels, n, N, nClasses);
  let on = 0, labelled = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i]! < 0) continue;
    labelled++;
    for (let j = 0, o = i * N; j < N; j++) if (isActive(codes[o + j]!)) on++;
  }
  const k = labelled === 0 ? 0 : Math.round(on / labelled);
  const classCodes = topKRows(mean, nClasses, N, k);
  const overlapM = new Int32Array(nClasses * nClasses);
  for (let a = 0; a < nClasses; a++) {
    for (let b = a; b < nClasses; b++) {
      const o = overlap(classCodes.subarray(a * N, (a + 1) * N), classCodes.subarray(b * N, (b + 1) * N));
      overlapM[a * nClasses + b] = o;
      overlapM[b * nClasses + a] = o;
    }
  }
  return { k, classCodes, overlap: overlapM };
}
