/** Sweeps: a base spec and named patches, expanded into the specs that run one after another. */
import type { Preset } from './run-types';
import type { ExperimentSpecInput } from './spec';

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

export interface Variant {
  label: string;
  spec: ExperimentSpecInput;
}

export function expandPreset(p: Preset): Variant[] {
  if (!p.variants?.length) return [{ label: p.name, spec: { ...p.spec, preset: p.name } }];
  return p.variants.map((v) => ({
    label: v.label,
    spec: { ...deepMerge(p.spec, v.patch), preset: p.name, name: `${p.name} / ${v.label}` },
  }));
}
