/**
 * The callback that publishes map views (SOM snapshots, winner traces, mask statistics) after the first step,
 * every N steps, when a snapshot is asked for, and once at the end; metric rows are flushed first so the chart
 * never lags the grid.
 */
import type { MaskStat } from '../../shared/run-types';
import type { LoopContext, TrainCallback } from './callback';

/** Mask statistics as metric columns "<layer>.sparsity" / "<layer>.strength", so a reopened run can plot them. */
const maskColumns = (masks: MaskStat[]): Record<string, number> =>
  Object.fromEntries(
    masks.flatMap((m) => [
      [`${m.name}.sparsity`, m.sparsity],
      [`${m.name}.strength`, m.strength],
    ]),
  );

export function mapViews(every: number): TrainCallback {
  let viewsAt = -1;
  async function publishViews(step: number, t: LoopContext): Promise<void> {
    viewsAt = step;
    await t.flush();
    for (const s of (await t.exp.snapshots?.(step)) ?? []) await t.publish('onSnapshot', s);
    for (const w of (await t.exp.winners?.(step)) ?? []) await t.publish('onWinners', w);
    const masks = (await t.exp.maskStats?.()) ?? [];
    if (masks.length === 0) return;
    await t.publish('onMaskStats', step, masks);
    await t.addRow(t.row(step, maskColumns(masks)));
  }
  return {
    // Step 0 always: the filmstrip starts from the near-random map, before the noise-to-order phase.
    onStepEnd: (step, t) => (step === 0 || (step + 1) % every === 0 ? publishViews(step, t) : undefined),
    onSnapshotRequest: (step, t) => publishViews(step, t),
    onTrainEnd: (last, t) => (last >= 0 && viewsAt !== last ? publishViews(last, t) : undefined),
  };
}
