/**
 * The host-side pieces of the fused batch-SOM step, shared by the cpu and wasm kernels: on plain arrays, no
 * tensors. With products P = W·Xᵀ [N, B] (neuron-major), the winner of sample i is argmin_j ‖w_j‖² − 2·P[j, i];
 * den_j = Σ_i h[win_i, j]; with the batch grouped by winner (K distinct winners u, s_k the sum of their
 * samples) the step's left operand A [N, K] is A[j, k] = h[u_k, j]·c_j, and W' = A·S + keep ⊙ W with
 * c_j = α/den_j, keep_j = 1 − α where den_j > EPS (else c_j = 0, keep_j = 1: a neuron no sample pulls keeps
 * its vector).
 */

/** Σh at or below this counts as "no sample pulls this neuron" (bubble, mexican-hat, underflow). */
export const EPS = 1e-12;

/** Squared norm of each of the n rows of the row-major [n, d] matrix w. */
export function rowNormsSq(w: Float32Array, n: number, d: number, out: Float32Array): void {
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = j * d, e = k + d; k < e; k++) s += w[k]! * w[k]!;
    out[j] = s;
  }
}

/** Winner of each of b samples from neuron-major products p [n, b]; ties go to the lowest neuron index. */
export function winnersOf(p: Float32Array, wsq: Float32Array, n: number, b: number, out: Int32Array): void {
  const best = new Float32Array(b).fill(Infinity);
  out.fill(0);
  for (let j = 0; j < n; j++) {
    const base = j * b,
      q = wsq[j]!;
    for (let i = 0; i < b; i++) {
      const s = q - 2 * p[base + i]!;
      if (s < best[i]!) {
        best[i] = s;
        out[i] = j;
      }
    }
  }
}

/**
 * Argmax of each of the b rows of s [b, n] (sample-major scores); ties go to the lowest neuron index. `best`, when
 * given, gets each row's maximum.
 */
export function bestOfRows(s: Float32Array, b: number, n: number, out: Int32Array, best?: Float32Array): void {
  for (let i = 0; i < b; i++) {
    let top = -Infinity,
      at = 0;
    for (let j = 0, o = i * n; j < n; j++) {
      const v = s[o + j]!;
      if (v > top) {
        top = v;
        at = j;
      }
    }
    out[i] = at;
    if (best) best[i] = top;
  }
}

/**
 * den_j = Σ_i h[win_i, lo + j] for the n neurons from `lo` (h: the neighbourhood matrix, rows of `width`), by
 * winner counts: O(distinct winners · n).
 */
export function neighbourSums(win: Int32Array, h: Float32Array, n: number, out: Float32Array, lo = 0, width = n) {
  const rows = h.length / width;
  const count = new Float64Array(rows);
  for (let i = 0; i < win.length; i++) count[win[i]!]!++;
  const acc = new Float64Array(n);
  for (let k = 0; k < rows; k++) {
    const c = count[k]!;
    if (c === 0) continue;
    for (let j = 0, r = k * width + lo; j < n; j++) acc[j]! += c * h[r + j]!;
  }
  for (let j = 0; j < n; j++) out[j] = acc[j]!;
}

/** Per-neuron scale c and keep factor of the blend with step α (see the module comment). */
export function blendFactors(den: Float32Array, alpha: number): { scale: Float32Array; keep: Float32Array } {
  const n = den.length,
    scale = new Float32Array(n),
    keep = new Float32Array(n).fill(1);
  for (let j = 0; j < n; j++) {
    if (den[j]! > EPS) {
      scale[j] = alpha / den[j]!;
      keep[j] = 1 - alpha;
    }
  }
  return { scale, keep };
}

/**
 * The batch grouped by winner: the K distinct winners `units` (ascending) and `slot` (neuron → its place in
 * units, -1 for none). With s_k = Σ_{i: win_i = u_k} x_i, hᵀX = Σ_k h[u_k, ·]ᵀ·s_k is an [n, K]·[K, d] product
 * instead of [n, b]·[b, d]: K ≤ min(b, n), and a map's samples share winners.
 */
export function distinctWinners(win: Int32Array, n: number): { units: Int32Array; slot: Int32Array } {
  const slot = new Int32Array(n).fill(-1);
  for (let i = 0; i < win.length; i++) slot[win[i]!] = 0;
  let k = 0;
  for (let j = 0; j < n; j++) if (slot[j] === 0) slot[j] = k++;
  const units = new Int32Array(k);
  for (let j = 0; j < n; j++) if (slot[j]! >= 0) units[slot[j]!] = j;
  return { units, slot };
}

/** out [K, d]: row slot[win_i] accumulates x_i, samples in order (out is overwritten). */
export function sumByWinner(win: Int32Array, slot: Int32Array, x: Float32Array, d: number, out: Float32Array): void {
  out.fill(0);
  for (let i = 0; i < win.length; i++) {
    const o = slot[win[i]!]! * d;
    for (let c = 0, xi = i * d; c < d; c++) out[o + c]! += x[xi + c]!;
  }
}

/**
 * A [n, K]: A[j, k] = h[units_k, lo + j]·scale_j (scale null: 1), the left operand of num = A·s, for the n neurons
 * from `lo` (h: rows of `width`).
 */
export function neighbourRowsT(
  units: Int32Array,
  h: Float32Array,
  n: number,
  scale: Float32Array | null,
  out: Float32Array,
  lo = 0,
  width = n,
): void {
  const k = units.length;
  for (let u = 0; u < k; u++) {
    const r = units[u]! * width + lo;
    if (scale) for (let j = 0; j < n; j++) out[j * k + u] = h[r + j]! * scale[j]!;
    else for (let j = 0; j < n; j++) out[j * k + u] = h[r + j]!;
  }
}

/**
 * num[j, :] += keep_j · w[j, :], in place (num becomes the new codebook); with `norms`, also its squared row
 * norms (the next step's ‖w‖², in the same pass).
 */
export function addKept(num: Float32Array, w: Float32Array, keep: Float32Array, d: number, norms?: Float32Array): void {
  for (let j = 0; j < keep.length; j++) {
    const c = keep[j]!;
    if (c === 0 && !norms) continue;
    let q = 0;
    for (let k = j * d, e = k + d; k < e; k++) {
      const v = num[k]! + c * w[k]!;
      num[k] = v;
      q += v * v;
    }
    if (norms) norms[j] = q;
  }
}
