/**
 * The spec schema read as form fields. The schema is zod's own JSON Schema of the spec (z.toJSONSchema, as
 * input: defaults shown, fields with defaults optional); each kind's fields and nested groups (som, som.sigma,
 * patch…) come from its object properties, widgets, bounds, choices and defaults from the property schemas.
 */
import { z } from 'zod';
import { ExperimentSpecSchema } from '../../../shared/spec';
import { labelOf } from './labels';

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

/** The part of JSON Schema that z.toJSONSchema writes for the spec. */
export interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

const SKIP = new Set(['kind', 'preset', 'dataset']);
const SPEC = z.toJSONSchema(ExperimentSpecSchema, { io: 'input' }) as JsonSchema;

/** One object schema per kind of experiment, in the union's order. */
export const variants = (): JsonSchema[] => SPEC.oneOf ?? SPEC.anyOf ?? [];
export const kindOf = (v: JsonSchema): string => String(v.properties?.kind?.const);
export const KINDS: string[] = variants().map(kindOf);
export const variantOf = (kind: string): JsonSchema | undefined => variants().find((v) => kindOf(v) === kind);

const isNumber = (s: JsonSchema): boolean => s.type === 'number' || s.type === 'integer';
const finite = (v: number | undefined): number | undefined =>
  v !== undefined && Number.isFinite(v) && Math.abs(v) < Number.MAX_SAFE_INTEGER ? v : undefined;

function numberBounds(s: JsonSchema): Pick<FieldInfo, 'min' | 'max' | 'int' | 'minIncl' | 'maxIncl'> {
  return {
    min: finite(s.exclusiveMinimum ?? s.minimum),
    max: finite(s.exclusiveMaximum ?? s.maximum),
    int: s.type === 'integer',
    minIncl: s.exclusiveMinimum === undefined,
    maxIncl: s.exclusiveMaximum === undefined,
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

const itemFields = (obj: JsonSchema): FieldInfo[] =>
  Object.entries(obj.properties ?? {}).map(([k, f]) => describe(k, k, f, !obj.required?.includes(k)));

export function describe(path: string, key: string, s: JsonSchema, optional: boolean): FieldInfo {
  const base = { path, key, label: labelOf(key), default: s.default, optional };
  if (s.enum) return { ...base, widget: 'enum', options: s.enum.map(String) };
  if (isNumber(s)) return { ...base, widget: 'number', ...numberBounds(s) };
  if (s.type === 'string') return { ...base, widget: 'string' };
  if (s.type === 'boolean') return { ...base, widget: 'boolean' };
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) {
    const num = alternatives.find(isNumber);
    const words = alternatives.filter((o) => o.const !== undefined).map((o) => String(o.const));
    if (num && words.length === alternatives.length - 1)
      return { ...base, widget: 'numberOr', literals: words, ...numberBounds(num) };
  }
  if (s.type === 'array' && s.items) {
    if (isNumber(s.items)) return { ...base, widget: 'numbers' };
    if (s.items.type === 'object') return { ...base, widget: 'objects', item: itemFields(s.items) };
  }
  return { ...base, widget: 'json' };
}

/** The groups of fields for one kind, in schema order: the top level, then each nested object. */
export function formGroups(kind: string): FieldGroup[] {
  const variant = variantOf(kind);
  if (!variant) throw new Error(`unknown kind "${kind}": expected one of ${KINDS.map((k) => `"${k}"`).join(', ')}`);
  const groups: FieldGroup[] = [];
  // `parentDefault`: an object's own default (e.g. learningRate = {start: 0.5, end: 0.01}) gives its fields theirs.
  const walk = (obj: JsonSchema, prefix: string, title: string, parentDefault?: Record<string, unknown>): void => {
    const g: FieldGroup = { path: prefix, title, fields: [] };
    groups.push(g);
    for (const [key, s] of Object.entries(obj.properties ?? {})) {
      if (!prefix && SKIP.has(key)) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      const fromParent = parentDefault?.[key];
      if (s.type === 'object') {
        const nested = prefix ? `${title} · ${labelOf(key)}` : labelOf(key);
        walk(s, path, nested, (s.default ?? fromParent) as Record<string, unknown> | undefined);
        continue;
      }
      const f = describe(path, key, s, !obj.required?.includes(key));
      g.fields.push(
        f.default === undefined && fromParent !== undefined ? { ...f, default: fromParent, optional: true } : f,
      );
    }
  };
  walk(variant, '', 'Run');
  return groups.filter((g) => g.fields.length > 0);
}
