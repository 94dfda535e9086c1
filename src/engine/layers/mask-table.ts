/**
 * Forward-mask tables (SCIENCE.md §4, seed 000): row j* holds the mask every unit gets when j* wins, so
 * the forward pass is one gather. Gaussian m = exp(−d²/2σ²) cut at θ, or the K grid-nearest units.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Grid } from '../som';

export interface MaskShape {
  sigmaFwd: number;
  threshold: number;
  /** When set, exactly this many units (the grid-nearest to the winner, ties by index) get m = 1. */
  activeUnits?: number;
}

function nearestRow(grid: Grid, j: number, k: number, out: Float32Array): void {
  const n = grid.n;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => grid.dist2[j * n + a]! - grid.dist2[j * n + b]! || a - b);
  for (let q = 0; q < k; q++) out[j * n + order[q]!] = 1;
}

export function maskTable(grid: Grid, o: MaskShape): Float32Array {
  const n = grid.n, out = new Float32Array(n * n);
  if (o.activeUnits !== undefined) {
    for (let j = 0; j < n; j++) nearestRow(grid, j, Math.min(o.activeUnits, n), out);
    return out;
  }
  const s2 = 2 * o.sigmaFwd * o.sigmaFwd;
  for (let i = 0; i < n * n; i++) {
    const m = Math.exp(-grid.dist2[i]! / s2);
    out[i] = m > o.threshold ? m : 0;
  }
  return out;
}

/** One kept [N, N] table for the current mask shape; rebuilt only when σ_fwd, θ or K change. */
export class MaskTableCache {
  private key = '';
  private table: tf.Tensor2D | null = null;

  constructor(private readonly grid: Grid) {}

  get(o: MaskShape): tf.Tensor2D {
    const key = `${o.sigmaFwd}|${o.threshold}|${o.activeUnits ?? ''}`;
    if (key !== this.key || !this.table) {
      this.table?.dispose();
      this.table = tf.keep(tf.tensor2d(maskTable(this.grid, o), [this.grid.n, this.grid.n]));
      this.key = key;
    }
    return this.table;
  }

  dispose(): void {
    this.table?.dispose();
    this.table = null;
    this.key = '';
  }
}
