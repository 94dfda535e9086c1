/** Which saved snapshots a filmstrip shows: the run view's strip and the engine's export pick the same. */

/** Evenly spaced snapshots, always the first (step 0) and the last. */
export function frameSteps(steps: readonly number[], count: number): number[] {
  const sorted = [...new Set(steps)].sort((a, b) => a - b);
  if (sorted.length <= count) return sorted;
  return [
    ...new Set(Array.from({ length: count }, (_, k) => sorted[Math.round((k * (sorted.length - 1)) / (count - 1))]!)),
  ];
}
