/**
 * SIMD loops (f32x4) over the tfjs wasm backend's heap, for per-element work that tfjs would spread over many
 * kernels and JS would do one float at a time: the Adam update, the SOM step's row sums and blend. Loaded once
 * per wasm memory; null where the runtime has no wasm SIMD or the backend does not expose its memory (callers
 * keep their JS loop).
 */
import { assemble, F32, I32, op, V128, type FuncDef } from './assemble';

export interface SimdLoops {
  /**
   * Adam over `count` floats (a multiple of 4) at byte offsets p, m, v, g → p2, m2, v2, in tfjs's op order:
   * m' = m·β1 + g·(1 − β1), v' = v·β2 + g²·(1 − β2), p' = (m'/c1) / (√(v'/c2) + ε)·(−lr) + p.
   */
  adam(offsets: number[], count: number, k: AdamConstants): void;
  /** dst[i] += src[i] for `count` floats (a multiple of 4) at byte offsets dst, src. */
  addRows(dst: number, src: number, count: number): void;
  /** num[i] += c·w[i] for `count` floats (a multiple of 4); returns Σ num[i]² (float32 per lane). */
  keptRow(num: number, w: number, count: number, c: number): number;
}

export interface AdamConstants {
  beta1: number;
  beta2: number;
  c1: number;
  c2: number;
  epsilon: number;
  lr: number;
}

const { get, set, load, store, mul, add, div, sqrt, splat } = op;
/** Byte offset param `base` + the byte counter (local `k`). */
const at = (base: number, k = 16) => [get(base), get(k), op.i32Add];

/** The loop frame: `body` for each 16 bytes, byte counter local `k` from 0 while below param `bytes`. */
const each16 = (k: number, bytes: number, body: unknown[]) => [
  op.block,
  op.loop,
  [get(k), get(bytes), op.i32GeU, op.brIf(1)],
  body,
  [get(k), op.i32(16), op.i32Add, set(k)],
  op.br(0),
  op.end,
  op.end,
];

/** dst[i] += src[i] (params: dst, src byte offsets, byte count). */
const ADD_ROWS: FuncDef = {
  name: 'addRows',
  params: [I32, I32, I32],
  results: [],
  locals: [I32],
  body: each16(3, 2, [at(0, 3), at(0, 3), load, at(1, 3), load, add, store]),
};

/** num[i] += c·w[i]; returns Σ num[i]² (params: num, w byte offsets, byte count, c). */
const KEPT_ROW: FuncDef = {
  name: 'keptRow',
  params: [I32, I32, I32, F32],
  results: [F32],
  // 4: k, 5: c splatted, 6: Σ v² per lane, 7: v.
  locals: [I32, V128, V128, V128],
  body: [
    [get(3), splat, set(5)],
    each16(4, 2, [
      [at(0, 4), at(0, 4), load, get(5), at(1, 4), load, mul, add, op.tee(7), store],
      [get(6), get(7), get(7), mul, add, set(6)],
    ]),
    [get(6), op.lane(0), get(6), op.lane(1), op.f32Add, get(6), op.lane(2), op.f32Add, get(6), op.lane(3), op.f32Add],
  ],
};

/** Params: 0–6 byte offsets of p m v g p2 m2 v2, 7 the byte count, 8–15 β1, 1 − β1, β2, 1 − β2, c1, c2, ε, −lr. */
const ADAM: FuncDef = {
  name: 'adam',
  params: [I32, I32, I32, I32, I32, I32, I32, I32, F32, F32, F32, F32, F32, F32, F32, F32],
  results: [],
  // 16: k; 17–24: the eight constants splatted; 25 g, 26 m', 27 v'.
  locals: [I32, V128, V128, V128, V128, V128, V128, V128, V128, V128, V128, V128],
  body: [
    ...[8, 9, 10, 11, 12, 13, 14, 15].flatMap((p) => [get(p), splat, set(p + 9)]),
    each16(16, 7, [
      [...at(3), load, set(25)],
      [...at(1), load, get(17), mul, get(25), get(18), mul, add, set(26)],
      [...at(2), load, get(19), mul, get(25), get(25), mul, get(20), mul, add, set(27)],
      [...at(5), get(26), store, ...at(6), get(27), store],
      [...at(4), get(26), get(21), div, get(27), get(22), div, sqrt, get(23), add, div, get(24), mul],
      [...at(0), load, add, store],
    ]),
  ],
};

const loaded = new WeakMap<WebAssembly.Memory, SimdLoops | null>();

function instantiate(memory: WebAssembly.Memory): SimdLoops | null {
  const bytes = assemble([ADAM, ADD_ROWS, KEPT_ROW]);
  if (!WebAssembly.validate(bytes)) return null;
  const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
  const adam = inst.exports.adam as (...a: number[]) => void;
  const addRows = inst.exports.addRows as (dst: number, src: number, bytes: number) => void;
  const keptRow = inst.exports.keptRow as (num: number, w: number, bytes: number, c: number) => number;
  return {
    addRows: (dst, src, count) => addRows(dst, src, count * 4),
    keptRow: (num, w, count, c) => keptRow(num, w, count * 4, c),
    adam(o, count, k) {
      adam(...o, count * 4, k.beta1, 1 - k.beta1, k.beta2, 1 - k.beta2, k.c1, k.c2, k.epsilon, -k.lr);
    },
  };
}

/** The loops over `memory` (the tfjs wasm backend's), or null where they cannot run. */
export function simdLoops(memory: WebAssembly.Memory | undefined): SimdLoops | null {
  if (!memory) return null;
  if (!loaded.has(memory)) loaded.set(memory, instantiate(memory));
  return loaded.get(memory)!;
}
