/**
 * A sweep checked whole before anything runs: every variant must be a valid spec, and every axis must name a
 * field that the spec really has (zod drops unknown keys, so a misspelt path would otherwise sweep nothing).
 * Errors name the axis, the field, what was expected and what arrived.
 */
import type { ExperimentSpec } from './spec';
import { getPath, variantAt, variantCount, type Variant } from './sweep';
import { axisKey, isCases, parseSweepSpec, type SweepAxis, type SweepSpec } from './sweep-spec';
import { ValidationError, parseSpec } from './validate';

export interface CheckedVariant extends Variant {
  parsed: ExperimentSpec;
}

/** Which axis set the field an issue names (its path is a prefix of the issue's, or the other way round). */
function axisOf(axes: readonly SweepAxis[], issuePath: string, v: Variant): string {
  const within = (p: string): boolean =>
    issuePath === p || issuePath.startsWith(`${p}.`) || p.startsWith(`${issuePath}.`);
  const n = axes.findIndex((a) =>
    isCases(a)
      ? Object.keys(flatPatch(a.cases.find((c) => c.label === v.params[a.name])?.patch ?? {})).some(within)
      : within(a.path),
  );
  if (n < 0) return 'the base spec';
  const a = axes[n]!;
  return `axis ${n + 1} (${axisKey(a)} = ${JSON.stringify(v.params[axisKey(a)])})`;
}

/** Dotted paths of every leaf of a patch: `{mask: {sigmaFwd: 5}}` → `mask.sigmaFwd`. */
function flatPatch(o: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    const p = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
      Object.assign(out, flatPatch(v as Record<string, unknown>, p));
    else out[p] = v;
  }
  return out;
}

const MAX_REPORTED = 5;

/**
 * Parses the sweep and validates every variant; returns them with their parsed specs. The first few distinct
 * problems are reported together, each with the variant and the axis at fault.
 */
export function checkSweep(input: unknown, what = 'sweep spec'): { sweep: SweepSpec; variants: CheckedVariant[] } {
  const sweep = parseSweepSpec(input, what);
  const problems = new Map<string, { path: string; message: string }>();
  const variants: CheckedVariant[] = [];
  for (let i = 0; i < variantCount(sweep) && problems.size < MAX_REPORTED; i++) {
    const v = variantAt(sweep, i);
    try {
      const parsed = parseSpec(v.spec, `variant ${i} (${v.label})`);
      for (const a of sweep.axes)
        if (!isCases(a) && getPath(parsed, a.path) === undefined)
          throw new ValidationError(`variant ${i} (${v.label})`, [
            {
              path: a.path,
              message: `axis ${axisKey(a)}: not a field of a ${parsed.kind} spec (received a value for it)`,
            },
          ]);
      variants.push({ ...v, parsed });
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      for (const issue of e.issues) {
        const key = `${axisOf(sweep.axes, issue.path, v).replace(/=.*\)$/, ')')}|${issue.path}|${issue.message}`;
        if (!problems.has(key))
          problems.set(key, {
            path: `variant ${i}, ${axisOf(sweep.axes, issue.path, v)}: ${issue.path}`,
            message: issue.message,
          });
      }
    }
  }
  if (problems.size) throw new ValidationError(what, [...problems.values()]);
  return { sweep, variants };
}

/** One variant, validated (what a Slurm task runs: it never expands the rest). */
export function checkedVariant(sweep: SweepSpec, index: number, what = 'sweep spec'): CheckedVariant {
  const v = variantAt(sweep, index);
  return { ...v, parsed: parseSpec(v.spec, `${what}, variant ${index} (${v.label})`) };
}
