/**
 * SIMD loops (f32x4) over the tfjs wasm backend's heap, for per-element work that tfjs would spread over many
 * kernels and JS would do one float at a time: the Adam update. Loaded once per wasm memory; null where the
 * runtime has no wasm SIMD or the backend does not expose its memory (callers keep their JS loop).
 */
import { assemble, F32, I32, op, V128, type FuncDef } from './assemble';

export interface SimdLoops {
  /**
   * Adam over `count` floats (a multiple of 4) at byte offsets p, m, v, g → p2, m2, v2, in tfjs's op order:
   * m' = m·β1 + g·(1 − β1), v' = v·β2 + g²·(1 − β2), p' = (m'/c1) / (√(v'/c2) + ε)·(−lr) + p.
   */
  adam(offsets: number[], count: number, k: AdamConstants): void;
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
/** Byte offset param `base` + k (local 16, the byte counter). */
const at = (base: number) => [get(base), get(16), op.i32Add];

/** Params: 0–6 byte offsets of p m v g p2 m2 v2, 7 the byte count, 8–15 β1, 1 − β1, β2, 1 − β2, c1, c2, ε, −lr. */
const ADAM: FuncDef = {
  name: 'adam',
  params: [I32, I32, I32, I32, I32, I32, I32, I32, F32, F32, F32, F32, F32, F32, F32, F32],
  results: [],
  // 16: k; 17–24: the eight constants splatted; 25 g, 26 m', 27 v'.
  locals: [I32, V128, V128, V128, V128, V128, V128, V128, V128, V128, V128, V128],
  body: [
    ...[8, 9, 10, 11, 12, 13, 14, 15].flatMap((p) => [get(p), splat, set(p + 9)]),
    op.block,
    op.loop,
    [get(16), get(7), op.i32GeU, op.brIf(1)],
    [...at(3), load, set(25)],
    [...at(1), load, get(17), mul, get(25), get(18), mul, add, set(26)],
    [...at(2), load, get(19), mul, get(25), get(25), mul, get(20), mul, add, set(27)],
    [...at(5), get(26), store, ...at(6), get(27), store],
    [...at(4), get(26), get(21), div, get(27), get(22), div, sqrt, get(23), add, div, get(24), mul],
    [...at(0), load, add, store],
    [get(16), op.i32(16), op.i32Add, set(16)],
    op.br(0),
    op.end,
    op.end,
  ],
};

const loaded = new WeakMap<WebAssembly.Memory, SimdLoops | null>();

function instantiate(memory: WebAssembly.Memory): SimdLoops | null {
  const bytes = assemble([ADAM]);
  if (!WebAssembly.validate(bytes)) return null;
  const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
  const adam = inst.exports.adam as (...a: number[]) => void;
  return {
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
