/**
 * Sweeps expanded into variants: every combination of the axes' values in a fixed order (cases and grids
 * as listed, then the random draws), each the base spec with the values set at their fields. `variantAt`
 * builds one variant from its index alone, so a Slurm task never expands the whole sweep.
 */
import { mulberry32, subSeed } from './random';
import type { Preset } from './run-types';
import type { ExperimentSpecInput } from './spec';
import { axisKey, isCases, isGrid, isRandom, type RandomAxis, type SweepAxis, type SweepSpec } from './sweep-spec';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Deep merge for specs: objects merge key by key, anything else (arrays included) is replaced. */
export function deepMerge<T>(base: T, patch: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) {
    out[k] = isPlainObject(v) && isPlainObject(out[k]) ? deepMerge(out[k], v) : v;
  }
  return out as T;
}

/** The value at a dotted path (`hidden.0.rows`), or undefined. */
export function getPath(root: unknown, path: string): unknown {
  let v = root;
  for (const k of path.split('.'))
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** A copy of `root` with `value` at the dotted path; objects (or arrays, for numeric keys) are made on the way. */
export function setPath<T>(root: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  const here = root !== null && typeof root === 'object' ? root : /^\d+$/.test(head!) ? [] : {};
  const copy = (Array.isArray(here) ? [...here] : { ...here }) as Record<string, unknown>;
  copy[head!] = rest.length ? setPath(copy[head!], rest.join('.'), value) : value;
  return copy as T;
}

export interface Variant {
  /** Position in the sweep: the Slurm array index. */
  index: number;
  label: string;
  spec: ExperimentSpecInput;
  /** The axes' values of this variant, by field (or a cases axis' name: the case label). */
  params: Record<string, unknown>;
}

/** How many values each combined axis contributes; the random axes count once, together. */
function radices(s: SweepSpec): number[] {
  const fixed = s.axes
    .filter((a) => !isRandom(a))
    .map((a) => (isGrid(a) ? a.values.length : isCases(a) ? a.cases.length : 1));
  return s.random ? [...fixed, s.random.count] : fixed;
}

export const variantCount = (s: SweepSpec): number => radices(s).reduce((a, b) => a * b, 1);

const shortNumber = (x: number): string => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(3))));
/** A label's field name: the last part of the path, with its parent for a schedule's parts (sigma.start). */
function fieldName(path: string): string {
  const parts = path.split('.');
  const n = /^(start|end|decay)$/.test(parts.at(-1)!) ? 2 : 1;
  return parts.slice(-n).join('.');
}
const show = (v: unknown): string =>
  typeof v === 'number' ? shortNumber(v) : typeof v === 'string' ? v : JSON.stringify(v);

function drawValue(a: RandomAxis, r: number): number {
  if (a.draw === 'int') return Math.min(a.max, a.min + Math.floor(r * (a.max - a.min + 1)));
  const x =
    a.draw === 'uniform' ? a.min + r * (a.max - a.min) : Math.exp(Math.log(a.min) + r * Math.log(a.max / a.min));
  return Number(x.toPrecision(6)); // what the run's spec and its label say, on every machine alike
}

/** Variant `index` of the sweep (0-based); throws outside 0..count-1. */
export function variantAt(s: SweepSpec, index: number): Variant {
  const count = variantCount(s);
  if (!Number.isInteger(index) || index < 0 || index >= count)
    throw new Error(`variant index ${index} is outside sweep "${s.name}": expected 0 to ${count - 1}`);
  const digits: number[] = [];
  let rest = index;
  for (const r of radices(s).reverse()) {
    digits.unshift(rest % r);
    rest = Math.floor(rest / r);
  }
  let spec = s.base as ExperimentSpecInput;
  const params: Record<string, unknown> = {};
  const labels: string[] = [];
  const fixed = s.axes.filter((a) => !isRandom(a));
  fixed.forEach((a, k) => {
    const i = digits[k]!;
    if (isCases(a)) {
      spec = deepMerge(spec, a.cases[i]!.patch);
      params[a.name] = a.cases[i]!.label;
      labels.push(a.cases[i]!.label);
    } else if (isGrid(a)) {
      spec = setPath(spec, a.path, a.values[i]);
      params[a.path] = a.values[i];
      labels.push(a.labels?.[i] ?? `${fieldName(a.path)}=${show(a.values[i])}`);
    }
  });
  if (s.random) {
    const rand = mulberry32(subSeed(s.random.seed, digits[digits.length - 1]!));
    for (const a of s.axes.filter(isRandom)) {
      const v = drawValue(a, rand());
      spec = setPath(spec, a.path, v);
      params[a.path] = v;
      labels.push(`${fieldName(a.path)}=${show(v)}`);
    }
  }
  const label = labels.join(', ') || s.name;
  return { index, label, params, spec: { ...spec, name: `${s.name} / ${label}` } as ExperimentSpecInput };
}

export function expandSweep(s: SweepSpec): Variant[] {
  return Array.from({ length: variantCount(s) }, (_, i) => variantAt(s, i));
}

/** The parameter columns of a sweep, in axis order (the sweep view's axes). */
export const sweepParams = (s: SweepSpec): string[] => s.axes.map((a: SweepAxis) => axisKey(a));

/** A preset as a sweep spec: its variants are one cases axis (a preset without variants is one variant). */
export function presetSweep(p: Preset): SweepSpec {
  const base = { ...p.spec, preset: p.name } as Record<string, unknown>;
  const axes: SweepAxis[] = p.variants?.length ? [{ name: 'variant', cases: p.variants }] : [];
  return { name: p.name, base, axes };
}

export function expandPreset(p: Preset): Variant[] {
  if (!p.variants?.length) return [{ index: 0, label: p.name, params: {}, spec: { ...p.spec, preset: p.name } }];
  return expandSweep(presetSweep(p));
}

/** JSON with object keys sorted, so equal sweeps hash alike whatever order their file had. */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (isPlainObject(v))
    return `{${Object.keys(v)
      .filter((k) => v[k] !== undefined) // as JSON.stringify does: a saved sweep read back hashes alike
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/**
 * A sweep's id in its project (`sweeps/<id>/`, the runs' `sweep.id`): its name and a hash of its content, so
 * every machine that reads the same sweep names it alike, and running it again adds runs to the same sweep.
 */
export function sweepId(s: SweepSpec): string {
  let h = 0x811c9dc5;
  for (const ch of stableJson(s)) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  const slug = s.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${slug || 'sweep'}-${h.toString(16).padStart(8, '0')}`;
}
