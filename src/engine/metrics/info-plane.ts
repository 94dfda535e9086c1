/**
 * Binned information-plane estimates (Shwartz-Ziv & Tishby 2017): a layer's activations T [n, N] are cut
 * into `bins` equal-width bins over the layer's whole min..max range, each sample's tuple of bin indices is
 * one discrete value t, and with every sample a distinct input x (T is a function of X):
 *   I(X;T) = H(T)                      (bits; at most log2 n)
 *   I(T;Y) = H(T) − H(T|Y),  H(T|Y) = Σ_y p(y) H(T | Y = y)
 * For binary codes use bins = 2 (0 → bin 0, 1 → bin 1). Caveat of the estimator: with many units (512) and
 * few samples almost every row gets its own bin, so I(X;T) → log2 n and I(T;Y) → H(Y).
 */
import { checkSameLength, checkShape, entropyOfCounts } from './common';

export interface InfoPlanePoint {
  /** I(X;T) in bits, over all n samples. */
  ixt: number;
  /** I(T;Y) in bits, over the labelled samples (label ≥ 0). */
  ity: number;
}

/**
 * One exact string key per row of bin indices. Digits are packed base `bins` into 16-bit chars, a fixed
 * number per char, so equal keys ⇔ equal bin tuples and 512 binary units make a 32-char key.
 */
export function binRowKeys(t: ArrayLike<number>, n: number, N: number, bins: number): string[] {
  checkShape('information-plane activations', t, n, N);
  if (!Number.isInteger(bins) || bins < 1 || bins > 65536) throw new Error(`information-plane bins: expected an integer in 1..65536, got ${bins}`);
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < t.length; i++) {
    const v = t[i]!;
    if (!Number.isFinite(v)) throw new Error(`information-plane activations: expected finite values, got ${v} at index ${i}`);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  // Constant T: every value falls in bin 0.
  const scale = hi > lo ? bins / (hi - lo) : 0;
  const perChar = Math.max(1, Math.floor(16 / Math.log2(Math.max(2, bins)) + 1e-9));
  const chars = new Uint16Array(Math.ceil(N / perChar));
  const keys = new Array<string>(n);
  for (let i = 0, o = 0; i < n; i++, o += N) {
    for (let c = 0, j = 0; c < chars.length; c++) {
      let acc = 0;
      for (let d = 0; d < perChar && j < N; d++, j++) acc = acc * bins + Math.min(bins - 1, Math.floor((t[o + j]! - lo) * scale));
      chars[c] = acc;
    }
    keys[i] = charsToString(chars);
  }
  return keys;
}

function charsToString(chars: Uint16Array): string {
  let s = '';
  // fromCharCode.apply takes the chars as arguments: chunk to stay under the engines' argument limit.
  for (let a = 0; a < chars.length; a += 8192) s += String.fromCharCode.apply(null, Array.from(chars.subarray(a, a + 8192)));
  return s;
}

/** I(X;T) = H(T) and I(T;Y) = H(T) − H(T|Y), in bits, from one discrete value of T per sample. */
export function infoFromKeys(keys: ArrayLike<string | number>, labels: Int32Array): InfoPlanePoint {
  checkSameLength('information-plane keys', keys.length, 'labels', labels.length);
  const all = new Map<string | number, number>(), labelled = new Map<string | number, number>();
  const byY = new Map<number, Map<string | number, number>>();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!, y = labels[i]!;
    all.set(k, (all.get(k) ?? 0) + 1);
    if (y < 0) continue;
    labelled.set(k, (labelled.get(k) ?? 0) + 1);
    let m = byY.get(y);
    if (!m) byY.set(y, (m = new Map()));
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  let nl = 0, hTgivenY = 0;
  for (const m of byY.values()) for (const c of m.values()) nl += c;
  for (const m of byY.values()) {
    let ny = 0;
    for (const c of m.values()) ny += c;
    hTgivenY += (ny / nl) * entropyOfCounts(m.values());
  }
  const hTl = entropyOfCounts(labelled.values());
  // H(T|Y) ≤ H(T) holds exactly; the max only absorbs rounding.
  return { ixt: entropyOfCounts(all.values()), ity: nl === 0 ? 0 : Math.max(0, hTl - hTgivenY) };
}

/** Binned information-plane point of one layer: activations T [n, N], labels Y, `bins` per the layer range. */
export function infoPlane(t: ArrayLike<number>, n: number, N: number, labels: Int32Array, bins: number): InfoPlanePoint {
  checkSameLength('activations rows', n, 'labels', labels.length);
  return infoFromKeys(binRowKeys(t, n, N, bins), labels);
}
