/**
 * What differs between the specs of runs being compared: every leaf as a dotted field (`mask.sigmaFwd`,
 * `conv.0.rows`), kept only where the runs disagree; and a short name per run made of its differing values.
 */

export type Leaf = string | number | boolean | null;

/** Every leaf of a JSON value as `path → value` (arrays by index; empty objects and arrays are leaves too). */
export function flatten(value: unknown, prefix = '', out = new Map<string, Leaf>()): Map<string, Leaf> {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, k) => [String(k), v] as const) : Object.entries(value);
    if (entries.length === 0) out.set(prefix, Array.isArray(value) ? '[]' : '{}');
    for (const [k, v] of entries) if (v !== undefined) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return out;
  }
  if (value !== undefined) out.set(prefix, value as Leaf);
  return out;
}

export interface SpecDiffRow {
  field: string;
  /** One value per run, in the runs' order; undefined where a run has no such field. */
  values: (Leaf | undefined)[];
}

/** Fields that only label a run: shown when they differ, never used to name it. */
const LABEL_FIELDS = new Set(['name', 'preset']);

/** The fields whose values differ between the specs (in the first run's field order, then the others'). */
export function specDiff(specs: readonly unknown[]): SpecDiffRow[] {
  const flat = specs.map((s) => flatten(s));
  const fields = [...new Set(flat.flatMap((f) => [...f.keys()]))];
  return fields
    .map((field) => ({ field, values: flat.map((f) => f.get(field)) }))
    .filter((r) => new Set(r.values.map((v) => JSON.stringify(v ?? null))).size > 1);
}

export const showLeaf = (v: Leaf | undefined): string => (v === undefined ? '–' : String(v));

/** A run named by its differing values ("mask.sigmaFwd=inf, seed=2"), at most `max` fields; '' if none. */
export function diffName(rows: readonly SpecDiffRow[], run: number, max = 2): string {
  const named = rows.filter((r) => !LABEL_FIELDS.has(r.field));
  const parts = named.slice(0, max).map((r) => `${r.field.split('.').slice(-2).join('.')}=${showLeaf(r.values[run])}`);
  return parts.join(', ') + (named.length > max ? ' …' : '');
}
