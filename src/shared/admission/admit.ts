/**
 * The one admission check for specs: every host (LabHost runs:start / runs:startPreset, the CLI's run and
 * sweep) calls `admitSpec` before a trainer starts, and a spec whose estimated peak memory is over the budget
 * is refused with the field that makes it big, the estimate and the budget.
 */
import type { BuiltinDataset } from '../options';
import type { DatasetRef, ExperimentSpec } from '../spec';
import { biggestField, estimateSpecMemory, type DataShape, type MemoryEstimate } from './estimate';

/** Share of the machine's RAM one trainer may plan to use unless told otherwise. */
export const DEFAULT_BUDGET_FRACTION = 0.5;

/** The built-in datasets' shapes (engine/data/builtin), so a host can estimate without loading them. */
export const BUILTIN_SHAPES: Record<BuiltinDataset, DataShape> = {
  mnist: { trainRows: 60_000, testRows: 10_000, sample: [28, 28, 1], classes: 10 },
  colors: { trainRows: 4096, testRows: 1024, sample: [3], classes: 16 },
  spirals: { trainRows: 2000, testRows: 1000, sample: [2], classes: 2 },
  'rotating-digit': { trainRows: 72, testRows: 0, sample: [28, 28, 1], classes: 72 },
};

/**
 * A lower bound for a dataset folder not yet read (one feature, no rows): a spec over the budget with it is
 * over the budget whatever the folder holds. The trainer checks again with the real shape once loaded.
 */
export const UNKNOWN_FOLDER_SHAPE: DataShape = { trainRows: 0, testRows: 0, sample: [1] };

export function shapeOf(ref: DatasetRef): DataShape {
  if (ref.source === 'builtin') return BUILTIN_SHAPES[ref.name];
  if (ref.source === 'folder') return UNKNOWN_FOLDER_SHAPE;
  return { trainRows: ref.points.length, testRows: ref.testPoints?.length ?? 0, sample: [2], classes: ref.classes };
}

export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${i === 0 ? n : n.toFixed(1)} ${units[i]}`;
}

export class AdmissionError extends Error {
  constructor(
    readonly field: string,
    readonly estimate: MemoryEstimate,
    readonly budget: number,
  ) {
    const big = biggestField(estimate);
    super(
      `spec refused: it would need about ${formatBytes(estimate.bytes)} of memory, over the budget of ` +
        `${formatBytes(budget)}; most of it (${formatBytes(big.bytes)}) comes from ${field} (${big.what}). ` +
        `Make ${field} smaller, or raise the budget (--memory-budget).`,
    );
    this.name = 'AdmissionError';
  }
}

/** Throws AdmissionError when the spec's estimate on data of this shape is over `budget` bytes. */
export function admitSpec(spec: ExperimentSpec, shape: DataShape, budget: number): MemoryEstimate {
  const e = estimateSpecMemory(spec, shape);
  if (e.bytes > budget) throw new AdmissionError(biggestField(e).field, e, budget);
  return e;
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };

/**
 * A budget as a user types it: bytes with an optional unit (`8G`, `512MiB`, `2.5gb`, binary units) or a share
 * of the machine's RAM (`40%`). Errors name what was expected.
 */
export function parseBudget(text: string, totalMem: number): number {
  const t = text.trim().toLowerCase();
  const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (pct && Number(pct[1]) > 0 && Number(pct[1]) <= 100) return Math.floor((Number(pct[1]) / 100) * totalMem);
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/.exec(t);
  if (!m || !(Number(m[1]) > 0))
    throw new Error(`memory budget: expected a size like 8G, 512MiB or a share of RAM like 40%, received "${text}"`);
  return Math.floor(Number(m[1]) * UNITS[m[2]!]!);
}
