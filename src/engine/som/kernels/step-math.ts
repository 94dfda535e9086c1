/**
 * The host-side pieces of the fused batch-SOM step, shared by the cpu and wasm kernels: on plain arrays, no
 * tensors. With products P = W·Xᵀ [N, B] (neuron-major), the winner of sample i is argmin_j ‖w_j‖² − 2·P[j, i];
 * den_j = Σ_i h[win_i, j]; the step's left operand A [N, B] is A[j, i] = h[win_i, j]·c_j, and
 * W' = A·X + keep ⊙ W with c_j = α/den_j, keep_j = 1 − α where den_j > EPS (else c_j = 0, keep_j = 1: a neuron no
 * sample pulls keeps its vector).
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

/** den_j = Σ_i h[win_i, j] (h is the [n, n] neighbourhood matrix), by winner counts: O(distinct winners · n). */
export function neighbourSums(win: Int32Array, h: Float32Array, n: number, out: Float32Array): void {
  const count = new Float64Array(n);
  for (let i = 0; i < win.length; i++) count[win[i]!]!++;
  const acc = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const c = count[k]!;
    if (c === 0) continue;
    for (let j = 0, r = k * n; j < n; j++) acc[j]! += c * h[r + j]!;
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

/** A [n, b]: A[j, i] = h[win_i, j]·scale_j (scale null: 1). */
export function neighbourRowsT(
  win: Int32Array,
  h: Float32Array,
  n: number,
  scale: Float32Array | null,
  out: Float32Array,
): void {
  const b = win.length;
  for (let i = 0; i < b; i++) {
    const r = win[i]! * n;
    if (scale) for (let j = 0; j < n; j++) out[j * b + i] = h[r + j]! * scale[j]!;
    else for (let j = 0; j < n; j++) out[j * b + i] = h[r + j]!;
  }
}

/** num[j, :] += keep_j · w[j, :], in place (num becomes the new codebook). */
export function addKept(num: Float32Array, w: Float32Array, keep: Float32Array, d: number): void {
  for (let j = 0; j < keep.length; j++) {
    const c = keep[j]!;
    if (c === 0) continue;
    for (let k = j * d, e = k + d; k < e; k++) num[k]! += c * w[k]!;
  }
}
