/** One readable message per schema failure: the field, what was expected, what arrived. */
import type { z } from 'zod';
import { clip } from './clip';
import { ExperimentSpecSchema, type ExperimentSpec } from './spec';

export class ValidationError extends Error {
  constructor(
    readonly what: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`${what}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'ValidationError';
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') return `"${clip(value, 40)}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) v = v != null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** Parses `input` with `schema`, or throws a ValidationError naming each bad field. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => {
    const path = i.path.map(String).join('.');
    const got = valueAt(input, i.path);
    const msg = i.message.includes('received') ? i.message : `${i.message} (received ${describe(got)})`;
    return { path, message: msg };
  });
  throw new ValidationError(what, issues);
}

export function parseSpec(input: unknown, what = 'experiment spec'): ExperimentSpec {
  return parseWith(ExperimentSpecSchema, input, what);
}
