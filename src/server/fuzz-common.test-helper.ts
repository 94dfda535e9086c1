/** Shared by the fuzz case tables: what an input is, which reply is its clear error, seeded helpers. */

export type Expect = { http: readonly number[] } | { close: readonly number[] } | { hangup: true };
export interface FuzzInput {
  what: string;
  chunks: Buffer[];
  /** Half-close after writing (the request is complete as sent). */
  end?: boolean;
  expect: Expect;
}

export type Rand = () => number;
export const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
export const bytes = (r: Rand, n: number): Buffer => Buffer.from(Array.from({ length: n }, () => int(r, 0, 255)));
export const text = (r: Rand, n: number): Buffer => Buffer.from(Array.from({ length: n }, () => int(r, 0x20, 0x7e)));

/** `n` inputs from `cases` taken in turn (so each appears about equally), each varied by the seeded `rand`. */
export function fuzzInputs(
  cases: ((r: Rand, token: string) => FuzzInput)[],
  rand: Rand,
  token: string,
  n: number,
): FuzzInput[] {
  return Array.from({ length: n }, (_, i) => cases[i % cases.length]!(rand, token));
}
