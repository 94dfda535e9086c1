/**
 * Sweep specs: a base spec and axes over any of its fields (dotted paths such as `mask.sigmaFwd` or
 * `hidden.0.rows`). An axis is a grid (`values`), a random draw (`draw` between `min` and `max`, drawn
 * `random.count` times with `random.seed`), or labelled `cases` (patches that change several fields at once,
 * as the presets' sweeps do). The variants are every combination, in a fixed order, so a variant's index
 * names the same spec on every machine (a Slurm array task runs `--index $SLURM_ARRAY_TASK_ID`).
 */
import { z } from 'zod';
import { SeedSchema } from './spec-base';
import { ValidationError, parseWith } from './validate';

export const DRAWS = ['uniform', 'log-uniform', 'int'] as const;
export type Draw = (typeof DRAWS)[number];

/** Indices a sweep may have: Slurm's default MaxArraySize is 1001, clusters raise it; this bounds the lab too. */
export const MAX_VARIANTS = 10_000;

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.([A-Za-z_][A-Za-z0-9_]*|\d+))*$/;
const PathSchema = z.string().regex(FIELD, 'expected a dotted spec field such as "mask.sigmaFwd" or "hidden.0.rows"');
const Label = z.string().min(1).max(120);

export const GridAxisSchema = z
  .object({
    path: PathSchema,
    values: z
      .array(z.unknown().refine((v) => v !== undefined && v !== null, 'expected a value'))
      .min(1)
      .max(1000),
    /** Names of the values in run names and the sweep view (default: `field=value`). */
    labels: z.array(Label).optional(),
  })
  .refine((a) => !a.labels || a.labels.length === a.values.length, {
    message: 'expected one label per value',
    path: ['labels'],
  });

export const RandomAxisSchema = z
  .object({ path: PathSchema, draw: z.enum(DRAWS), min: z.number(), max: z.number() })
  .refine((a) => a.min < a.max, { message: 'expected min < max', path: ['max'] })
  .refine((a) => a.draw !== 'log-uniform' || a.min > 0, { message: 'log-uniform needs min > 0', path: ['min'] })
  .refine((a) => a.draw !== 'int' || (Number.isInteger(a.min) && Number.isInteger(a.max)), {
    message: 'an int draw needs whole-number bounds',
    path: ['min'],
  });

export const CasesAxisSchema = z.object({
  /** The axis' name in the sweep view (a column of case labels). */
  name: Label.default('variant'),
  cases: z
    .array(z.object({ label: Label, patch: z.record(z.string(), z.unknown()) }))
    .min(1)
    .max(1000),
});

export type GridAxis = z.infer<typeof GridAxisSchema>;
export type RandomAxis = z.infer<typeof RandomAxisSchema>;
export type CasesAxis = z.infer<typeof CasesAxisSchema>;
export type SweepAxis = GridAxis | RandomAxis | CasesAxis;

export const SweepSpecSchema = z.object({
  name: Label,
  /** The spec every variant starts from (validated with each variant's values in place). */
  base: z.record(z.string(), z.unknown()),
  axes: z.array(z.record(z.string(), z.unknown())).max(16).default([]),
  /** Random axes are drawn together `count` times from `seed`; required when an axis draws. */
  random: z
    .object({
      count: z.number().int().min(1).max(MAX_VARIANTS),
      seed: SeedSchema,
    })
    .optional(),
});
export type SweepSpecInput = z.input<typeof SweepSpecSchema>;
export type SweepSpec = Omit<z.infer<typeof SweepSpecSchema>, 'axes'> & { axes: SweepAxis[] };

/** Each axis kind and the key that marks it, for one error that lists the choices. */
const AXIS_KINDS = [
  { key: 'values', kind: 'grid', schema: GridAxisSchema },
  { key: 'draw', kind: 'random', schema: RandomAxisSchema },
  { key: 'cases', kind: 'cases', schema: CasesAxisSchema },
] as const;

export const isGrid = (a: SweepAxis): a is GridAxis => 'values' in a;
export const isRandom = (a: SweepAxis): a is RandomAxis => 'draw' in a;
export const isCases = (a: SweepAxis): a is CasesAxis => 'cases' in a;
/** The axis' key in a variant's parameters: its field, or a cases axis' name. */
export const axisKey = (a: SweepAxis): string => (isCases(a) ? a.name : a.path);

function parseAxis(raw: Record<string, unknown>, n: number, what: string): SweepAxis {
  const found = AXIS_KINDS.filter((k) => k.key in raw);
  const name = typeof raw.path === 'string' ? ` (${raw.path})` : typeof raw.name === 'string' ? ` (${raw.name})` : '';
  const where = `${what}: axis ${n}${name}`;
  if (found.length !== 1) {
    const keys = Object.keys(raw).join(', ') || 'no keys';
    const choices = AXIS_KINDS.map((k) => `"${k.key}" (${k.kind})`).join(', ');
    throw new ValidationError(where, [{ path: '', message: `expected exactly one of ${choices}, received ${keys}` }]);
  }
  return parseWith(found[0]!.schema, raw, where) as SweepAxis;
}

/** Validates a sweep's shape (not yet its variants: see checkSweep), naming the axis and field at fault. */
export function parseSweepSpec(input: unknown, what = 'sweep spec'): SweepSpec {
  const s = parseWith(SweepSpecSchema, input, what);
  const axes = s.axes.map((a, i) => parseAxis(a, i + 1, what));
  const draws = axes.filter(isRandom);
  if (draws.length > 0 && !s.random)
    throw new ValidationError(what, [
      {
        path: 'random',
        message: `axis ${draws[0]!.path} draws at random: expected random {count, seed}, received nothing`,
      },
    ]);
  if (draws.length === 0 && s.random)
    throw new ValidationError(what, [
      { path: 'random', message: 'expected an axis with "draw" to go with random {count, seed}, received none' },
    ]);
  return { ...s, axes };
}
