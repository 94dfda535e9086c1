/** The accumulation programs of the fused batch-SOM step (see wgsl.ts). */
import { blocks, microTile, type SomProgram } from './wgsl';

/**
 * x [B, D], w [N, D] ('step' only), h [N, N], winners [B] → [N, D]: num_j = Σ_i h[win_i, j]·x_i and
 * den_j = Σ_i h[win_i, j]; 'step' writes den_j > 1e-12 ? α·num/den + (1 − α)·w : w, 'sums' writes num.
 */
export function updateProgram(n: number, d: number, mode: 'step' | 'sums'): SomProgram {
  const out =
    mode === 'step'
      ? `let old = w[jj * D + dd];
            let dn = dens[ty * 4 + i];
            var v = old;
            if (dn > 1e-12) { v = uniforms.alpha * acc[i][j] / dn + (1.0 - uniforms.alpha) * old; }
            result[jj * D + dd] = v;`
      : 'result[jj * D + dd] = acc[i][j];';
  return {
    // 'sums' reads no w: an unused binding would be dropped from the pipeline's layout.
    variableNames: mode === 'step' ? ['x', 'w', 'h', 'win'] : ['x', 'h', 'win'],
    outputShape: [n, d],
    shaderKey: `somlabUpdate_${mode}`,
    dispatchLayout: { x: [1], y: [0] },
    dispatch: [blocks(d), blocks(n), 1],
    workgroupSize: [16, 16, 1],
    uniforms: 'alpha : f32,',
    getUserCode: () => `
    var<workgroup> hs : array<f32, 1024>;
    var<workgroup> xs : array<f32, 1024>;
    var<workgroup> dens : array<f32, 64>;
    fn main() {
      let B = uniforms.xShape.x; let D = uniforms.xShape.y; let N = uniforms.hShape.x;
      let tx = i32(localId.x); let ty = i32(localId.y); let li = i32(localIndex);
      let j0 = i32(workgroupId.y) * 64; let d0 = i32(workgroupId.x) * 64;
      var acc : array<array<f32, 4>, 4>;
      var den = 0.0;
      for (var s0 = 0; s0 < B; s0 += 16) {
        for (var t = 0; t < 4; t++) {
          let e = li * 4 + t;
          let r = e / 16; let s = s0 + e % 16;
          var hv = 0.0;
          if (s < B && j0 + r < N) { hv = h[win[s] * N + j0 + r]; }
          hs[e] = hv;
          let rs = s0 + e / 64; let c = d0 + e % 64;
          var xv = 0.0;
          if (rs < B && c < D) { xv = x[rs * D + c]; }
          xs[e] = xv;
        }
        workgroupBarrier();
        if (li < 64) { for (var c = 0; c < 16; c++) { den += hs[li * 16 + c]; } }
        ${microTile('hs[(ty * 4 + i) * 16 + k]', 'xs[k * 64 + tx * 4 + i]')}
        workgroupBarrier();
      }
      if (li < 64) { dens[li] = den; }
      workgroupBarrier();
      for (var i = 0; i < 4; i++) {
        for (var j = 0; j < 4; j++) {
          let jj = j0 + ty * 4 + i; let dd = d0 + tx * 4 + j;
          if (jj < N && dd < D) {
            ${out}
          }
        }
      }
    }`,
  };
}

/** h [N, N], winners [B] → Σh [N] (the denominator the sums kernel returns beside num). */
export function denProgram(n: number): SomProgram {
  return {
    variableNames: ['h', 'win'],
    outputShape: [n],
    shaderKey: 'somlabDen',
    dispatchLayout: { x: [0] },
    dispatch: [Math.ceil(n / 64), 1, 1],
    workgroupSize: [64, 1, 1],
    size: true,
    getUserCode: () => `
    fn main(index : i32) {
      if (index >= uniforms.size) { return; }
      let N = uniforms.hShape.x; let B = uniforms.winShape;
      var s = 0.0;
      for (var i = 0; i < B; i++) { s += h[win[i] * N + index]; }
      result[index] = s;
    }`,
  };
}
