/**
 * What the spec being edited will cost on the previewed dataset, before it starts: the trainer memory (the
 * very estimate the admission check makes, shared/admission/estimate.ts) and the time per epoch from the
 * throughput model (shared/admission/epoch-time.ts) with the project's newest fitting run as its reference.
 */
import { computed, type ComputedRef } from 'vue';
import type { DatasetLimits } from '../../../shared/api';
import { ExperimentSpecSchema, type ExperimentSpec } from '../../../shared/spec';
import { biggestField, estimateSpecMemory, type MemoryEstimate } from '../../../shared/admission/estimate';
import { estimateEpochTime, pickThroughputRef, type EpochEstimateResult } from '../../../shared/admission/epoch-time';
import { useRunsStore } from '../stores/runs';
import { useRunSpecs } from './useRunSpecs';

/** How many of the newest measured runs are read (runs:get) to find the reference. */
const CANDIDATES = 8;

export interface SpecCost {
  memory: MemoryEstimate;
  biggest: ReturnType<typeof biggestField>;
  time: EpochEstimateResult;
}

export function useSpecCost(
  spec: () => unknown,
  limits: () => DatasetLimits | undefined,
): ComputedRef<SpecCost | { invalid: string } | null> {
  const runs = useRunsStore();
  const ids = computed(() =>
    runs.list
      .filter((r) => r.status === 'finished' && r.kind === 'som' && (r.samplesPerSec ?? 0) > 0)
      .sort((a, b) => (b.endedAt ?? '').localeCompare(a.endedAt ?? ''))
      .slice(0, CANDIDATES)
      .map((r) => r.id),
  );
  const { specs } = useRunSpecs(ids);
  return computed(() => {
    const shape = limits()?.dataShape;
    if (!shape) return null;
    const parsed = ExperimentSpecSchema.safeParse(JSON.parse(JSON.stringify(spec() ?? {})));
    if (!parsed.success) return { invalid: 'no estimate until the spec is valid' };
    const s: ExperimentSpec = parsed.data;
    const measured = runs.list.flatMap((summary) => {
      const r = specs.value.get(summary.id);
      return r ? [{ summary, spec: r }] : [];
    });
    const memory = estimateSpecMemory(s, shape);
    return { memory, biggest: biggestField(memory), time: estimateEpochTime(s, shape, pickThroughputRef(s, measured)) };
  });
}
