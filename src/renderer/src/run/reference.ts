/** The seed reference a run is measured against, and this run's standing (for the badge in the run view). */
import type { Reference } from '../../../shared/run-types';
import { PRESETS } from '../../../shared/presets';
import type { ExperimentSpec } from '../../../shared/spec';
import { verdict } from '../../../shared/verdict';

export type Standing = 'reproduced' | 'partially' | 'not reproduced' | 'not yet' | 'see sweep';

export interface RunReference {
  reference: Reference;
  standing: Standing;
  label: string;
}

export function runReference(
  spec: ExperimentSpec | undefined,
  status: string,
  finalMetrics: Record<string, number>,
): RunReference | null {
  const preset = spec?.preset ? PRESETS.find((p) => p.name === spec.preset) : undefined;
  const ref = preset?.reference;
  if (!preset || !ref) return null;
  // Sweep runs are named "<preset> / <variant label>".
  const label = spec?.name?.startsWith(`${preset.name} / `) ? spec.name.slice(preset.name.length + 3) : preset.name;
  if (ref.order) return { reference: ref, standing: 'see sweep', label };
  if (ref.variant && ref.variant !== label) return { reference: ref, standing: 'see sweep', label };
  if (status !== 'finished') return { reference: ref, standing: 'not yet', label };
  const v = verdict(ref.variant ? { ...ref } : ref, [{ label: ref.variant ?? label, metrics: finalMetrics }]);
  return { reference: ref, standing: v === 'no reference' ? 'not yet' : v, label };
}
