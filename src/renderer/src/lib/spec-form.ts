/**
 * The new-run form, generated from the ExperimentSpec schema: each kind's fields (and nested groups such as
 * som, som.sigma, patch) come from walking its zod object; widgets, bounds, choices and defaults come from
 * the field schemas. Validation is parseSpec itself, its issues keyed by field path.
 */
import type { z } from 'zod';
import { ExperimentSpecSchema } from '../../../shared/spec';
import { parseSpec, ValidationError } from '../../../shared/validate';

export type Widget = 'enum' | 'number' | 'string' | 'numbers' | 'boolean' | 'numberOr' | 'objects' | 'json';
export interface FieldInfo {
  path: string; key: string; label: string; widget: Widget; optional: boolean; default?: unknown;
  options?: string[]; min?: number; max?: number; int?: boolean;
  /** Whether min / max themselves are allowed (z.number().positive() is min 0, exclusive). */
  minIncl?: boolean; maxIncl?: boolean;
  /** numberOr: the words allowed besides a number (e.g. "inf"). */
  literals?: string[];
  /** objects: the fields of one item (paths relative to the item). */
  item?: FieldInfo[];
}
export interface FieldGroup { path: string; title: string; fields: FieldInfo[] }

type AnySchema = z.ZodType & { def: Record<string, unknown> & { type: string } };

const LABELS: Record<string, string> = {
  name: 'Run name', seed: 'Seed', backend: 'Backend', epochs: 'Epochs', batchSize: 'Batch size',
  snapshotEvery: 'Snapshot every (steps)', probeCount: 'Probe samples (winner trace)', rows: 'Rows', cols: 'Columns',
  topology: 'Topology', neighbourhood: 'Neighbourhood', init: 'Initialisation', mode: 'Update mode', start: 'Start', end: 'End',
  decay: 'Decay', learningRate: 'Learning rate', sigma: 'σ (neighbourhood radius)', size: 'Patch size', stride: 'Stride',
  perImage: 'Patches per image', reconstructCount: 'Images to reconstruct', hidden: 'Hidden layers',
  activation: 'Activation', optimizer: 'Optimizer', dropout: 'Dropout', l2: 'L2 weight decay', som: 'SOM', patch: 'Patches',
  mask: 'SOM mask', sigmaFwd: 'σ forward (number or inf)', sigmaOrg: 'σ organisation', threshold: 'Threshold θ', order: 'Order',
  activeUnits: 'Active units (K)', conv: 'Conv layers', kernel: 'Kernel', dense: 'Dense units', filters: 'Filters (comma separated)',
  dropout2d: '2-D dropout', kwta: 'kWTA', codeSize: 'Code size', sparsity: 'Sparsity', hardness: 'Hardness', loss: 'Loss',
  margin: 'Margin', synapticScaling: 'Synaptic scaling', softSom: 'Soft SOM', variant: 'Variant', beta: 'β', features: 'Features',
  featureSize: 'Feature size', featureEpochs: 'Feature epochs', stacked: 'Stacked SOM', layer1: 'Layer 1', layer2: 'Layer 2',
};
const SKIP = new Set(['kind', 'preset', 'dataset']);

export const labelOf = (key: string): string => LABELS[key] ?? key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());

const variants = (): AnySchema[] => ExperimentSpecSchema.options as unknown as AnySchema[];
const shapeOf = (s: AnySchema): Record<string, AnySchema> => (s.def.shape ?? {}) as Record<string, AnySchema>;
const kindOf = (v: AnySchema): string => (shapeOf(v).kind!.def.values as string[])[0]!;

export const KINDS: string[] = variants().map(kindOf);

/** Peels default/optional wrappers, remembering the default. */
function unwrap(s: AnySchema): { inner: AnySchema; default?: unknown; optional: boolean } {
  let cur = s, dflt: unknown, optional = false;
  for (;;) {
    if (cur.def.type === 'default') { dflt = cur.def.defaultValue; optional = true; cur = cur.def.innerType as AnySchema; continue; }
    if (cur.def.type === 'optional') { optional = true; cur = cur.def.innerType as AnySchema; continue; }
    return { inner: cur, default: dflt, optional };
  }
}

function numberBounds(s: AnySchema): Pick<FieldInfo, 'min' | 'max' | 'int' | 'minIncl' | 'maxIncl'> {
  const n = s as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
  const checks = ((s.def.checks ?? []) as { _zod: { def: { check: string; inclusive?: boolean } } }[]).map((c) => c._zod.def);
  const incl = (kind: string): boolean => checks.find((c) => c.check === kind)?.inclusive ?? true;
  const finite = (v: number | null): number | undefined => (v !== null && Number.isFinite(v) && Math.abs(v) < Number.MAX_SAFE_INTEGER ? v : undefined);
  return { min: finite(n.minValue), max: finite(n.maxValue), int: n.isInt, minIncl: incl('greater_than'), maxIncl: incl('less_than') };
}

/** "integer 1…256", "> 0", "0…0.99", "≥ 0". */
export function boundsText(f: Pick<FieldInfo, 'min' | 'max' | 'int' | 'minIncl' | 'maxIncl'>): string {
  const int = f.int ? 'integer ' : '';
  if (f.min !== undefined && f.max !== undefined) {
    if (f.minIncl !== false && f.maxIncl !== false) return `${int}${f.min}…${f.max}`;
    return `${int}${f.min} ${f.minIncl === false ? '<' : '≤'} x ${f.maxIncl === false ? '<' : '≤'} ${f.max}`;
  }
  if (f.min !== undefined) return `${int}${f.minIncl === false ? '>' : '≥'} ${f.min}`;
  if (f.max !== undefined) return `${int}${f.maxIncl === false ? '<' : '≤'} ${f.max}`;
  return int.trim();
}

export function describe(path: string, key: string, s: AnySchema): FieldInfo {
  const { inner, default: dflt, optional } = unwrap(s);
  const base = { path, key, label: labelOf(key), default: dflt, optional };
  const t = inner.def.type;
  if (t === 'enum') return { ...base, widget: 'enum', options: (inner as unknown as { options: string[] }).options };
  if (t === 'number') return { ...base, widget: 'number', ...numberBounds(inner) };
  if (t === 'string') return { ...base, widget: 'string' };
  if (t === 'boolean') return { ...base, widget: 'boolean' };
  if (t === 'union') {
    const opts = (inner.def.options as AnySchema[]).map((o) => unwrap(o).inner);
    const num = opts.find((o) => o.def.type === 'number');
    const lits = opts.filter((o) => o.def.type === 'literal').flatMap((o) => (o.def.values as unknown[]).map(String));
    if (num && lits.length === opts.length - 1) return { ...base, widget: 'numberOr', literals: lits, ...numberBounds(num) };
  }
  if (t === 'array') {
    const el = unwrap(inner.def.element as AnySchema).inner;
    if (el.def.type === 'number') return { ...base, widget: 'numbers' };
    if (el.def.type === 'object') return { ...base, widget: 'objects', item: Object.entries(shapeOf(el)).map(([k, f]) => describe(k, k, f)) };
  }
  return { ...base, widget: 'json' };
}

/** The groups of fields for one kind, in schema order: the top level, then each nested object. */
export function formGroups(kind: string): FieldGroup[] {
  const variant = variants().find((v) => (shapeOf(v).kind!.def.values as string[])[0] === kind);
  if (!variant) throw new Error(`unknown kind "${kind}": expected one of ${KINDS.map((k) => `"${k}"`).join(', ')}`);
  const groups: FieldGroup[] = [];
  // `parentDefault`: an object's own default (e.g. learningRate = {start: 0.5, end: 0.01}) gives its fields theirs.
  const walk = (obj: AnySchema, prefix: string, title: string, parentDefault?: Record<string, unknown>): void => {
    const g: FieldGroup = { path: prefix, title, fields: [] };
    groups.push(g);
    for (const [key, s] of Object.entries(shapeOf(obj))) {
      if (!prefix && SKIP.has(key)) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      const { inner, default: d } = unwrap(s);
      const fromParent = parentDefault?.[key];
      if (inner.def.type === 'object') walk(inner, path, prefix ? `${title} · ${labelOf(key)}` : labelOf(key), (d ?? fromParent) as Record<string, unknown> | undefined);
      else {
        const f = describe(path, key, s);
        g.fields.push(f.default === undefined && fromParent !== undefined ? { ...f, default: fromParent, optional: true } : f);
      }
    }
  };
  walk(variant, '', 'Run');
  return groups.filter((g) => g.fields.length > 0);
}

export function getAt(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const k of path.split('.')) v = v != null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** Sets a nested value, creating objects on the way; undefined deletes the key (so the default applies). */
export function setAt(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) {
    if (o[k] == null || typeof o[k] !== 'object') o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete o[last]; else o[last] = value;
}

/** What a text box holds → the value to store: '' → undefined, numbers parsed, anything else kept raw for zod to name. */
export function parseInput(f: Pick<FieldInfo, 'widget' | 'literals'>, text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  const num = (x: string): unknown => (Number.isFinite(Number(x)) ? Number(x) : x);
  if (f.widget === 'number') return num(t);
  if (f.widget === 'numberOr') return f.literals?.includes(t) ? t : num(t);
  if (f.widget === 'numbers') return t.split(/[\s,]+/).filter(Boolean).map(num);
  if (f.widget === 'json') { try { return JSON.parse(t) as unknown; } catch { return t; } }
  return t;
}

export function showValue(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.every((x) => typeof x !== 'object') ? v.join(', ') : JSON.stringify(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A new item for an objects list: a copy of the last one, else each field's default (or its minimum). */
export function newItem(f: FieldInfo, list: unknown[]): Record<string, unknown> {
  const last = list[list.length - 1];
  if (last && typeof last === 'object') return JSON.parse(JSON.stringify(last)) as Record<string, unknown>;
  return Object.fromEntries((f.item ?? []).map((i) => [i.key, i.default ?? (i.widget === 'number' ? Math.max(i.min ?? 1, 10) : undefined)]).filter(([, v]) => v !== undefined));
}

/** parseSpec's issues keyed by field path ('' for the root). */
export function specIssues(input: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  try {
    parseSpec(input);
  } catch (e) {
    if (!(e instanceof ValidationError)) { out.set('', [(e as Error).message]); return out; }
    for (const i of e.issues) out.set(i.path, [...(out.get(i.path) ?? []), i.message]);
  }
  return out;
}

/** A small valid starting point for each kind (the rest comes from the schema defaults). */
export function starterSpec(kind: string): Record<string, unknown> {
  const variant = variants().find((v) => kindOf(v) === kind);
  const shape = variant ? shapeOf(variant) : {};
  const out: Record<string, unknown> = { kind, dataset: { source: 'builtin', name: kind === 'som' ? 'colors' : kind === 'soft-som' ? 'spirals' : 'mnist' } };
  if (kind === 'som') Object.assign(out, { epochs: 10, batchSize: 64 });
  if ('som' in shape) out.som = { rows: 10, cols: 10, topology: 'rect', sigma: { start: 3, end: 0.5 } };
  if ('patch' in shape) Object.assign(out, { patch: { size: 9 }, batchSize: 1024, dataset: { source: 'builtin', name: 'mnist', trainLimit: 10000 } });
  return out;
}

/** Switching kind keeps what the kinds share (seed, backend, dataset, epochs…) and the SOM if both have one. */
export function switchKind(draft: Record<string, unknown>, kind: string): Record<string, unknown> {
  const next = starterSpec(kind);
  const keep = ['name', 'seed', 'backend', 'dataset', 'epochs', 'batchSize', 'snapshotEvery', 'probeCount'];
  if ('som' in next) keep.push('som');
  for (const k of keep) if (draft[k] !== undefined) next[k] = JSON.parse(JSON.stringify(draft[k])); // drafts are reactive proxies: structuredClone refuses them
  next.kind = kind;
  return next;
}
