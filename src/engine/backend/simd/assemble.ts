/**
 * A minimal WebAssembly module writer for SOM Lab's few SIMD loops (simd.ts): functions over the tfjs wasm
 * backend's own memory (imported as env.memory), so they read and write tensors in place on its heap. Only
 * the opcodes those loops use are named here; see the WebAssembly core and SIMD specifications.
 */

/** Value types. */
export const I32 = 0x7f,
  F32 = 0x7d,
  V128 = 0x7b;

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (i32 constants). */
function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
}

const simd = (op: number): number[] => [0xfd, ...uleb(op)];
/** memarg: alignment hint 4 bytes (tfjs's buffers are at least that), offset 0. */
const MEM = [2, 0];

/** The instructions the loops use, as byte arrays. */
export const op = {
  get: (i: number) => [0x20, ...uleb(i)],
  set: (i: number) => [0x21, ...uleb(i)],
  tee: (i: number) => [0x22, ...uleb(i)],
  i32: (n: number) => [0x41, ...sleb(n)],
  i32Add: [0x6a],
  i32GeU: [0x4f],
  f32Add: [0x92],
  f32Load: [0x2a, ...MEM],
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  br: (d: number) => [0x0c, ...uleb(d)],
  brIf: (d: number) => [0x0d, ...uleb(d)],
  end: [0x0b],
  load: [...simd(0x00), ...MEM],
  store: [...simd(0x0b), ...MEM],
  splat: simd(0x13),
  /** f32x4.extract_lane. */
  lane: (l: number) => [...simd(0x1f), l],
  sqrt: simd(0xe3),
  add: simd(0xe4),
  sub: simd(0xe5),
  mul: simd(0xe6),
  div: simd(0xe7),
};

export interface FuncDef {
  name: string;
  params: number[];
  results: number[];
  /** Extra locals after the parameters, by type. */
  locals: number[];
  /** Instructions, nested as convenient (flattened when assembled). */
  body: unknown[];
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const name = (s: string): number[] => vec([...Buffer.from(s, 'utf8')].map((b) => [b]));
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

/** The module's bytes: one type per function, env.memory imported, every function exported by name. */
export function assemble(funcs: FuncDef[]): Uint8Array<ArrayBuffer> {
  const types = funcs.map((f) => [0x60, ...vec(f.params.map((t) => [t])), ...vec(f.results.map((t) => [t]))]);
  const memory = [...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(1)];
  const exports = funcs.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]);
  const codes = funcs.map((f) => {
    const body = [...vec(f.locals.map((t) => [1, t])), ...(f.body.flat(Infinity) as number[]), ...op.end];
    return [...uleb(body.length), ...body];
  });
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(2, vec([memory])),
    ...section(3, vec(funcs.map((_, i) => uleb(i)))),
    ...section(7, vec(exports)),
    ...section(10, vec(codes)),
  ]);
}
