/**
 * Bad input is reported as a count and the first few cases, never only the first one met: a folder with
 * 40 broken images says "40 images …: a.png, b.png, … and 35 more", so the user fixes them in one go.
 */
import { DatasetError } from './types';

/** How many cases an error or warning spells out before "and N more". */
export const SHOWN = 5;

/** "a, b, c and 12 more" from the first few of `count` items. */
export function firstFew(items: readonly string[], count = items.length, max = SHOWN, sep = ', '): string {
  const shown = items.slice(0, max).join(sep);
  return count > max ? `${shown} and ${count - max} more` : shown;
}

/** Collects cases of one kind of problem; keeps the first few, counts them all. */
export class ProblemList {
  readonly shown: string[] = [];
  count = 0;

  constructor(private readonly max = SHOWN) {}

  add(item: string): void {
    this.count += 1;
    if (this.shown.length < this.max) this.shown.push(item);
  }

  get empty(): boolean {
    return this.count === 0;
  }

  /** "3 images are corrupt: a.png (…), b.png (…), c.png (…)" with `what` = "images are corrupt". */
  describe(one: string, many: string, sep = ', '): string {
    return `${this.count} ${this.count === 1 ? one : many}: ${firstFew(this.shown, this.count, this.max, sep)}`;
  }
}

/** Runs `check` on `items` `concurrency` at a time into `out`; DatasetErrors go to `bad`, others pass through. */
async function pool<T, R>(
  items: readonly T[],
  check: (item: T) => Promise<R>,
  concurrency: number,
  out: R[],
  bad: DatasetError[],
): Promise<void> {
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const i = next++;
      try {
        out[i] = await check(items[i]!);
      } catch (e) {
        if (!(e instanceof DatasetError)) throw e;
        bad.push(e);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

/** One error rethrown as it is; several become one error on `folder` that counts them and quotes the first few. */
function throwGathered(bad: DatasetError[], folder: string): void {
  if (bad.length === 1) throw bad[0]!;
  if (bad.length > 1) {
    const list = new ProblemList();
    for (const e of bad.sort((a, b) => a.file.localeCompare(b.file))) list.add(e.message);
    throw new DatasetError(folder, list.describe('file cannot be used', 'files cannot be used', '; '));
  }
}

/**
 * Runs `check` on every item and gathers the DatasetErrors it throws: one error is rethrown as it is, several
 * become one error on `folder` that counts them and quotes the first few. Other errors pass through at once.
 */
export async function checkEach<T, R>(
  items: readonly T[],
  folder: string,
  check: (item: T) => Promise<R>,
  concurrency = 1,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  const bad: DatasetError[] = [];
  await pool(items, check, concurrency, out, bad);
  throwGathered(bad, folder);
  return out;
}

/**
 * checkEach by windows of `window` items, for results too big to hold all at once (decoded images): each
 * window's results go to `take` in item order before the next window starts; after the first error nothing
 * more is taken, but every item is still checked, so the error lists them all.
 */
export async function checkEachInOrder<T, R>(
  items: readonly T[],
  folder: string,
  check: (item: T) => Promise<R>,
  take: (r: R, index: number) => Promise<void> | void,
  concurrency: number,
  window: number,
): Promise<void> {
  const bad: DatasetError[] = [];
  for (let s = 0; s < items.length; s += window) {
    const part = items.slice(s, s + window),
      out: R[] = new Array<R>(part.length);
    await pool(part, check, concurrency, out, bad);
    if (bad.length === 0) for (let i = 0; i < part.length; i++) await take(out[i]!, s + i);
  }
  throwGathered(bad, folder);
}
