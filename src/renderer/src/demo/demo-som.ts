/**
 * A tiny Kohonen SOM in plain JS for the demo mode and the fake api: batch updates on minibatches, with
 * the same views the engine sends (hits, U-matrix, class map, QE, TE). Not the engine: small maps only.
 */
import type { SomConfig } from '../../../shared/spec';
import type { SomSnapshot } from '../../../shared/run-types';
import { hexCentre } from '../../../shared/map/grid-geometry';
import { mulberry32 } from './demo-data';

export class DemoSom {
  readonly n: number;
  readonly codebook: Float32Array;
  private readonly d2: Float32Array; // squared grid distances, N×N

  constructor(
    readonly cfg: SomConfig,
    readonly dim: number,
    readonly shape: number[],
    seed: number,
  ) {
    this.n = cfg.rows * cfg.cols;
    const rand = mulberry32(seed);
    this.codebook = Float32Array.from({ length: this.n * dim }, () => rand());
    this.d2 = gridDistances(cfg.rows, cfg.cols, cfg.topology);
  }

  /** Best and second-best unit of x. */
  best2(x: Float32Array, off = 0): [number, number, number] {
    let b = 0,
      s = 0,
      bd = Infinity,
      sd = Infinity;
    for (let j = 0; j < this.n; j++) {
      let d = 0;
      for (let k = 0; k < this.dim; k++) {
        const t = x[off + k]! - this.codebook[j * this.dim + k]!;
        d += t * t;
      }
      if (d < bd) {
        s = b;
        sd = bd;
        b = j;
        bd = d;
      } else if (d < sd) {
        s = j;
        sd = d;
      }
    }
    return [b, s, Math.sqrt(bd)];
  }

  /** One batch step: W ← (1−α)W + α·(hᵀX / Σh). Returns the batch QE and TE. */
  step(x: Float32Array, count: number, sigma: number, alpha: number): { qe: number; te: number } {
    const { n, dim } = this;
    const num = new Float64Array(n * dim),
      den = new Float64Array(n);
    let qe = 0,
      te = 0;
    for (let i = 0; i < count; i++) {
      const [b, s, dist] = this.best2(x, i * dim);
      qe += dist;
      if (this.d2[b * n + s]! > 1.01) te++;
      for (let j = 0; j < n; j++) {
        const h = Math.exp(-this.d2[b * n + j]! / (2 * sigma * sigma));
        if (h < 1e-4) continue;
        den[j]! += h;
        for (let k = 0; k < dim; k++) num[j * dim + k]! += h * x[i * dim + k]!;
      }
    }
    for (let j = 0; j < n; j++) {
      if (den[j]! === 0) continue;
      for (let k = 0; k < dim; k++) {
        const w = j * dim + k;
        this.codebook[w] = (1 - alpha) * this.codebook[w]! + alpha * (num[w]! / den[j]!);
      }
    }
    return { qe: qe / count, te: te / count };
  }

  winners(x: Float32Array, count: number): Int32Array {
    const out = new Int32Array(count);
    for (let i = 0; i < count; i++) out[i] = this.best2(x, i * this.dim)[0];
    return out;
  }

  snapshot(step: number, x: Float32Array, labels: Int32Array | null, count: number, layer = 'som'): SomSnapshot {
    const { n } = this;
    const hits = new Float32Array(n);
    const votes = labels ? new Map<number, Map<number, number>>() : null;
    const w = this.winners(x, count);
    for (let i = 0; i < count; i++) {
      hits[w[i]!]!++;
      if (votes && labels) {
        const m = votes.get(w[i]!) ?? new Map<number, number>();
        m.set(labels[i]!, (m.get(labels[i]!) ?? 0) + 1);
        votes.set(w[i]!, m);
      }
    }
    const snap: SomSnapshot = {
      step,
      layer,
      rows: this.cfg.rows,
      cols: this.cfg.cols,
      topology: this.cfg.topology,
      shape: this.shape,
      codebook: this.codebook.slice(),
      hits,
      umatrix: this.umatrix(),
    };
    if (votes) snap.classMap = Int32Array.from({ length: n }, (_, j) => majority(votes.get(j)));
    return snap;
  }

  umatrix(): Float32Array {
    const { n, dim } = this;
    const u = new Float32Array(n);
    for (let j = 0; j < n; j++) {
      let sum = 0,
        cnt = 0;
      for (let k = 0; k < n; k++) {
        if (k === j || this.d2[j * n + k]! > 1.01) continue;
        let d = 0;
        for (let t = 0; t < dim; t++) {
          const v = this.codebook[j * dim + t]! - this.codebook[k * dim + t]!;
          d += v * v;
        }
        sum += Math.sqrt(d);
        cnt++;
      }
      u[j] = cnt ? sum / cnt : 0;
    }
    return u;
  }
}

function majority(m: Map<number, number> | undefined): number {
  if (!m) return -1;
  let best = -1,
    bc = 0;
  for (const [k, c] of m)
    if (c > bc) {
      best = k;
      bc = c;
    }
  return best;
}

/** Squared grid distances between all neurons (wrapping on ring and torus), as in SCIENCE.md §1. */
export function gridDistances(rows: number, cols: number, topology: string): Float32Array {
  const n = rows * cols;
  const pos = (i: number): [number, number] => {
    const r = Math.floor(i / cols),
      c = i % cols;
    if (topology === 'hex') {
      const p = hexCentre(r, c);
      return [p.y, p.x];
    }
    return [r, c];
  };
  const wrapR = topology === 'torus',
    wrapC = topology === 'torus' || topology === 'ring';
  const out = new Float32Array(n * n);
  for (let a = 0; a < n; a++) {
    const [ra, ca] = pos(a);
    for (let b = 0; b < n; b++) {
      const [rb, cb] = pos(b);
      let dr = Math.abs(ra - rb),
        dc = Math.abs(ca - cb);
      if (wrapR) dr = Math.min(dr, rows - dr);
      if (wrapC) dc = Math.min(dc, cols - dc);
      out[a * n + b] = dr * dr + dc * dc;
    }
  }
  return out;
}
