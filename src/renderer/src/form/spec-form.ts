/**
 * The new-run form's draft: nested get/set, text → value, parseSpec's issues keyed by field path, and
 * starting points per kind. The fields themselves come from the schema (schema-fields.ts).
 */
import { parseSpec, ValidationError } from '../../../shared/validate';
import { variantOf, type FieldInfo } from './schema-fields';

export * from './schema-fields';

export function getAt(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const k of path.split('.'))
    v = v != null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
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
  if (value === undefined) delete o[last];
  else o[last] = value;
}

/**
 * What a text box holds → the value to store: '' → undefined, numbers parsed, anything else kept raw for
 * zod to name.
 */
export function parseInput(f: Pick<FieldInfo, 'widget' | 'literals'>, text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  const num = (x: string): unknown => (Number.isFinite(Number(x)) ? Number(x) : x);
  if (f.widget === 'number') return num(t);
  if (f.widget === 'numberOr') return f.literals?.includes(t) ? t : num(t);
  if (f.widget === 'numbers')
    return t
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(num);
  if (f.widget === 'json') {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return t;
    }
  }
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
  return Object.fromEntries(
    (f.item ?? [])
      .map((i) => [i.key, i.default ?? (i.widget === 'number' ? Math.max(i.min ?? 1, 10) : undefined)])
      .filter(([, v]) => v !== undefined),
  );
}

/** parseSpec's issues keyed by field path ('' for the root). */
export function specIssues(input: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  try {
    parseSpec(input);
  } catch (e) {
    if (!(e instanceof ValidationError)) {
      out.set('', [(e as Error).message]);
      return out;
    }
    for (const i of e.issues) out.set(i.path, [...(out.get(i.path) ?? []), i.message]);
  }
  return out;
}

/** A small valid starting point for each kind (the rest comes from the schema defaults). */
export function starterSpec(kind: string): Record<string, unknown> {
  const shape = variantOf(kind)?.properties ?? {};
  const out: Record<string, unknown> = {
    kind,
    dataset: { source: 'builtin', name: kind === 'som' ? 'colors' : kind === 'soft-som' ? 'spirals' : 'mnist' },
  };
  if (kind === 'som') Object.assign(out, { epochs: 10, batchSize: 64 });
  if ('som' in shape) out.som = { rows: 10, cols: 10, topology: 'rect', sigma: { start: 3, end: 0.5 } };
  if ('patch' in shape)
    Object.assign(out, {
      patch: { size: 9 },
      batchSize: 1024,
      dataset: { source: 'builtin', name: 'mnist', trainLimit: 10000 },
    });
  return out;
}

/** Switching kind keeps what the kinds share (seed, backend, dataset, epochs…) and the SOM if both have one. */
export function switchKind(draft: Record<string, unknown>, kind: string): Record<string, unknown> {
  const next = starterSpec(kind);
  const keep = ['name', 'seed', 'backend', 'dataset', 'epochs', 'batchSize', 'snapshotEvery', 'probeCount'];
  if ('som' in next) keep.push('som');
  // Drafts are reactive proxies, which structuredClone refuses: copy through JSON.
  for (const k of keep) if (draft[k] !== undefined) next[k] = JSON.parse(JSON.stringify(draft[k]));
  next.kind = kind;
  return next;
}
