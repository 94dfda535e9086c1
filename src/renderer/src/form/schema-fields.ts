/**
 * The spec schema read as form fields: each kind's fields (and nested groups such as som, som.sigma,
 * patch) come from walking its zod object; widgets, bounds, choices and defaults from the field schemas.
 */
import type { z } from 'zod';
import { ExperimentSpecSchema } from '../../../shared/spec';

export type Widget = 'enum' | 'number' | 'string' | 'numbers' | 'boolean' | 'numberOr' | 'objects' | 'json';
export interface FieldInfo {
  path: string;
  key: string;
  label: string;
  widget: Widget;
  optional: boolean;
  default?: unknown;
  options?: string[];
  min?: number;
  max?: number;
  int?: boolean;
  /** Whether min / max themselves are allowed (z.number().positive() is min 0, exclusive). */
  minIncl?: boolean;
  maxIncl?: boolean;
  /** numberOr: the words allowed besides a number (e.g. "inf"). */
  literals?: string[];
  /** objects: the fields of one item (paths relative to the item). */
  item?: FieldInfo[];
}
export interface FieldGroup {
  path: string;
  title: string;
  fields: FieldInfo[];
}

export type AnySchema = z.ZodType & { def: Record<string, unknown> & { type: string } };

const LABELS: Record<string, string> = {
  name: 'Run name',
  seed: 'Seed',
  backend: 'Backend',
  epochs: 'Epochs',
  batchSize: 'Batch size',
  snapshotEvery: 'Snapshot every (steps)',
  probeCount: 'Probe samples (winner trace)',
  rows: 'Rows',
  cols: 'Columns',
  topology: 'Topology',
  neighbourhood: 'Neighbourhood',
  init: 'Initialisation',
  mode: 'Update mode',
  start: 'Start',
  end: 'End',
  decay: 'Decay',
  learningRate: 'Learning rate',
  sigma: 'σ (neighbourhood radius)',
  size: 'Patch size',
  stride: 'Stride',
  perImage: 'Patches per image',
  reconstructCount: 'Images to reconstruct',
  hidden: 'Hidden layers',
  activation: 'Activation',
  optimizer: 'Optimizer',
  dropout: 'Dropout',
  l2: 'L2 weight decay',
  som: 'SOM',
  patch: 'Patches',
  mask: 'SOM mask',
  sigmaFwd: 'σ forward (number or inf)',
  sigmaOrg: 'σ organisation',
  threshold: 'Threshold θ',
  order: 'Order',
  activeUnits: 'Active units (K)',
  conv: 'Conv layers',
  kernel: 'Kernel',
  dense: 'Dense units',
  filters: 'Filters (comma separated)',
  dropout2d: '2-D dropout',
  kwta: 'kWTA',
  codeSize: 'Code size',
  sparsity: 'Sparsity',
  hardness: 'Hardness',
  loss: 'Loss',
  margin: 'Margin',
  synapticScaling: 'Synaptic scaling',
  softSom: 'Soft SOM',
  variant: 'Variant',
  beta: 'β',
  features: 'Features',
  featureSize: 'Feature size',
  featureEpochs: 'Feature epochs',
  stacked: 'Stacked SOM',
  layer1: 'Layer 1',
  layer2: 'Layer 2',
};
const SKIP = new Set(['kind', 'preset', 'dataset']);

export const labelOf = (key: string): string =>
  LABELS[key] ?? key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());

export const variants = (): AnySchema[] => ExperimentSpecSchema.options as unknown as AnySchema[];
export const shapeOf = (s: AnySchema): Record<string, AnySchema> => (s.def.shape ?? {}) as Record<string, AnySchema>;
export const kindOf = (v: AnySchema): string => (shapeOf(v).kind!.def.values as string[])[0]!;

export const KINDS: string[] = variants().map(kindOf);

/** Peels default/optional wrappers, remembering the default. */
function unwrap(s: AnySchema): { inner: AnySchema; default?: unknown; optional: boolean } {
  let cur = s,
    dflt: unknown,
    optional = false;
  for (;;) {
    if (cur.def.type === 'default') {
      dflt = cur.def.defaultValue;
      optional = true;
      cur = cur.def.innerType as AnySchema;
      continue;
    }
    if (cur.def.type === 'optional') {
      optional = true;
      cur = cur.def.innerType as AnySchema;
      continue;
    }
    return { inner: cur, default: dflt, optional };
  }
}

function numberBounds(s: AnySchema): Pick<FieldInfo, 'min' | 'max' | 'int' | 'minIncl' | 'maxIncl'> {
  const n = s as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
  const checks = ((s.def.checks ?? []) as { _zod: { def: { check: string; inclusive?: boolean } } }[]).map(
    (c) => c._zod.def,
  );
  const incl = (kind: string): boolean => checks.find((c) => c.check === kind)?.inclusive ?? true;
  const finite = (v: number | null): number | undefined =>
    v !== null && Number.isFinite(v) && Math.abs(v) < Number.MAX_SAFE_INTEGER ? v : undefined;
  return {
    min: finite(n.minValue),
    max: finite(n.maxValue),
    int: n.isInt,
    minIncl: incl('greater_than'),
    maxIncl: incl('less_than'),
  };
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
    if (num && lits.length === opts.length - 1)
      return { ...base, widget: 'numberOr', literals: lits, ...numberBounds(num) };
  }
  if (t === 'array') {
    const el = unwrap(inner.def.element as AnySchema).inner;
    if (el.def.type === 'number') return { ...base, widget: 'numbers' };
    if (el.def.type === 'object')
      return { ...base, widget: 'objects', item: Object.entries(shapeOf(el)).map(([k, f]) => describe(k, k, f)) };
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
      if (inner.def.type === 'object')
        walk(
          inner,
          path,
          prefix ? `${title} · ${labelOf(key)}` : labelOf(key),
          (d ?? fromParent) as Record<string, unknown> | undefined,
        );
      else {
        const f = describe(path, key, s);
        g.fields.push(
          f.default === undefined && fromParent !== undefined ? { ...f, default: fromParent, optional: true } : f,
        );
      }
    }
  };
  walk(variant, '', 'Run');
  return groups.filter((g) => g.fields.length > 0);
}
