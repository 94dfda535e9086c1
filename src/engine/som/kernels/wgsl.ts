/**
 * WGSL programs of the fused batch-SOM step for tfjs-backend-webgpu (this file: their shape and shared pieces;
 * the programs are in wgsl-winners.ts and wgsl-update.ts). tfjs adds the bindings — `result`, one storage array
 * per variable name — and a `uniforms` struct with every shape. All
 * tiles are 64×64 outputs per 16×16 workgroup (4×4 per thread), 16 deep along the reduced axis.
 *   partials: for each sample and each block of 64 neurons, the best (‖w‖² − 2x·w, index) — distances, ‖w‖²
 *             and the argmin in one pass, never a [B, N] matrix;
 *   winners:  the best over the blocks (ties: lowest index, as tf.argMin and the cpu/wasm kernels);
 *   update:   num = hᵀX with h's rows gathered by winner on the fly, Σh alongside, and the blend (or num alone);
 *   den:      Σh alone (for the sums kernel).
 */
export interface SomProgram {
  variableNames: string[];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[]; y?: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number];
  uniforms?: string;
  size?: boolean;
  getUserCode(): string;
}

const TILE = 64;
export const blocks = (n: number): number => Math.ceil(n / TILE);

/** The 16-deep tile loop of a 4×4-per-thread product: acc[i][j] += a(row i) · b(col j) over k. */
export const microTile = (a: string, b: string) => `
      for (var k = 0; k < 16; k++) {
        var av : array<f32, 4>;
        var bv : array<f32, 4>;
        for (var i = 0; i < 4; i++) { av[i] = ${a}; bv[i] = ${b}; }
        for (var i = 0; i < 4; i++) { for (var j = 0; j < 4; j++) { acc[i][j] = fma(av[i], bv[j], acc[i][j]); } }
      }`;
