/** The winner programs of the fused batch-SOM step (see wgsl.ts). */
import { blocks, microTile, type SomProgram } from './wgsl';

/** x [B, D], w [N, D] → [B, ⌈N/64⌉, 2]: per sample and neuron block, (best score, its index as f32). */
export function partialsProgram(b: number, n: number): SomProgram {
  return {
    variableNames: ['x', 'w'],
    outputShape: [b, blocks(n), 2],
    shaderKey: 'somlabWinnerPartials',
    dispatchLayout: { x: [1], y: [0] },
    dispatch: [blocks(n), blocks(b), 1],
    workgroupSize: [16, 16, 1],
    getUserCode: () => `
    var<workgroup> xs : array<f32, 1024>;
    var<workgroup> ws : array<f32, 1024>;
    var<workgroup> wsq : array<f32, 64>;
    var<workgroup> redV : array<f32, 1024>;
    var<workgroup> redI : array<i32, 1024>;
    fn main() {
      let B = uniforms.xShape.x; let D = uniforms.xShape.y; let N = uniforms.wShape.x;
      let tx = i32(localId.x); let ty = i32(localId.y); let li = i32(localIndex);
      let row0 = i32(workgroupId.y) * 64; let col0 = i32(workgroupId.x) * 64;
      var acc : array<array<f32, 4>, 4>;
      var sq = 0.0;
      for (var k0 = 0; k0 < D; k0 += 16) {
        for (var t = 0; t < 4; t++) {
          let e = li * 4 + t; let r = e / 16; let gk = k0 + e % 16;
          var xv = 0.0; var wv = 0.0;
          if (row0 + r < B && gk < D) { xv = x[(row0 + r) * D + gk]; }
          if (col0 + r < N && gk < D) { wv = w[(col0 + r) * D + gk]; }
          xs[e] = xv; ws[e] = wv;
        }
        workgroupBarrier();
        if (li < 64) { for (var c = 0; c < 16; c++) { let v = ws[li * 16 + c]; sq = fma(v, v, sq); } }
        ${microTile('xs[(ty * 4 + i) * 16 + k]', 'ws[(tx * 4 + i) * 16 + k]')}
        workgroupBarrier();
      }
      if (li < 64) { wsq[li] = sq; }
      workgroupBarrier();
      for (var i = 0; i < 4; i++) {
        var bv = uniforms.INFINITY; var bi = -1;
        for (var j = 0; j < 4; j++) {
          let c = tx * 4 + j;
          if (col0 + c < N) {
            let s = wsq[c] - 2.0 * acc[i][j];
            if (s < bv || bi < 0) { bv = s; bi = col0 + c; }
          }
        }
        redV[(ty * 4 + i) * 16 + tx] = bv; redI[(ty * 4 + i) * 16 + tx] = bi;
      }
      workgroupBarrier();
      if (li < 64 && row0 + li < B) {
        var bv = uniforms.INFINITY; var bi = -1;
        for (var t = 0; t < 16; t++) {
          let v = redV[li * 16 + t]; let idx = redI[li * 16 + t];
          if (idx >= 0 && (v < bv || bi < 0)) { bv = v; bi = idx; }
        }
        let o = ((row0 + li) * i32(numWorkgroups.x) + i32(workgroupId.x)) * 2;
        result[o] = bv; result[o + 1] = f32(bi);
      }
    }`,
  };
}

/** partials [B, nb, 2] → winners int32 [B]: the best block, scanning blocks in order (lowest index on ties). */
export function winnersProgram(b: number): SomProgram {
  return {
    variableNames: ['p'],
    outputShape: [b],
    shaderKey: 'somlabWinners',
    dispatchLayout: { x: [0] },
    dispatch: [Math.ceil(b / 64), 1, 1],
    workgroupSize: [64, 1, 1],
    size: true,
    getUserCode: () => `
    fn main(index : i32) {
      if (index >= uniforms.size) { return; }
      let nb = uniforms.pShape.y;
      var bv = p[index * nb * 2]; var bi = i32(p[index * nb * 2 + 1]);
      for (var k = 1; k < nb; k++) {
        let v = p[(index * nb + k) * 2];
        if (v < bv) { bv = v; bi = i32(p[(index * nb + k) * 2 + 1]); }
      }
      result[index] = bi;
    }`,
  };
}
