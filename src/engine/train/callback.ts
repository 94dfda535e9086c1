/**
 * Callbacks of the training loop, as Lightning's Trainer has them: the loop only steps, evaluates and honours
 * pause/stop; everything else (batching metric rows, map views, writing the run folder, emitting events) is
 * a callback on one list. Hooks run in list order and each is awaited before the next callback sees the same
 * moment, so a list that persists before it emits never shows the live view a row that is not on disk.
 */
import type { MaskStat, MetricRow, SomSnapshot, WinnerTrace } from '../../shared/run-types';
import type { RunState } from './control';
import type { Experiment, SavedFile } from './experiment';

export type Awaitable = void | Promise<void>;

/** The loop as its callbacks see it: the run, where it is, and the moments a callback may announce. */
export interface LoopContext {
  readonly runId: string;
  readonly exp: Experiment;
  /** Steps completed so far (the last completed step is done - 1). */
  readonly done: number;
  epochOf(step: number): number;
  /** A metric row for `step` stamped with its epoch and the run clock. */
  row(step: number, values: Record<string, number>): MetricRow;
  /** Hands new rows to every callback's onRow (a throttle batches them into onMetrics). */
  addRow(row: MetricRow): Promise<void>;
  /** Announces a batch of rows to every callback's onMetrics. */
  publishMetrics(rows: MetricRow[]): Promise<void>;
  /** Asks every callback to send what it holds (rows go out before the views of their step). */
  flush(): Promise<void>;
  /** Announces a moment to every callback, in list order. */
  publish<K extends MomentHook>(hook: K, ...args: MomentArgs<K>): Promise<void>;
}

export interface EndOfRun {
  status: 'finished' | 'stopped';
  finalMetrics: Record<string, number>;
}

/** Every hook is optional; `t` is the loop. */
export interface TrainCallback {
  /** After each training step (map views decide here whether the step gets views). */
  onStepEnd?(step: number, t: LoopContext): Awaitable;
  /** A snapshot was asked for between steps (by the user, also while paused). */
  onSnapshotRequest?(step: number, t: LoopContext): Awaitable;
  /** Training is over (steps done or stopped, last evaluation made); `lastStep` is -1 when none ran. */
  onTrainEnd?(lastStep: number, t: LoopContext): Awaitable;
  /** A new metric row: a step's scalars, an evaluation or mask statistics. */
  onRow?(row: MetricRow, t: LoopContext): Awaitable;
  /** Send whatever is held back. */
  flush?(t: LoopContext): Awaitable;
  /** Between steps: throw to fail the run (e.g. a background write failed). */
  check?(): void;

  onMetrics?(rows: MetricRow[], t: LoopContext): Awaitable;
  onSnapshot?(snapshot: SomSnapshot, t: LoopContext): Awaitable;
  onWinners?(trace: WinnerTrace, t: LoopContext): Awaitable;
  onMaskStats?(step: number, layers: MaskStat[], t: LoopContext): Awaitable;
  onEval?(step: number, epoch: number, metrics: Record<string, number>, t: LoopContext): Awaitable;
  onState?(state: RunState, t: LoopContext): Awaitable;
  onSave?(files: SavedFile[], t: LoopContext): Awaitable;
  /** The run ended well; a callback that throws here fails the run instead (e.g. the record cannot be written). */
  onEnd?(end: EndOfRun, t: LoopContext): Awaitable;
  onFail?(error: unknown, message: string, t: LoopContext): Awaitable;
  /** Always last, whatever happened: drop timers. */
  dispose?(): void;
}

/** The hooks that are announcements (the same moment seen by every callback), with their arguments. */
export type MomentHook =
  | 'onRow'
  | 'flush'
  | 'onStepEnd'
  | 'onSnapshotRequest'
  | 'onTrainEnd'
  | 'onMetrics'
  | 'onSnapshot'
  | 'onWinners'
  | 'onMaskStats'
  | 'onEval'
  | 'onState'
  | 'onSave'
  | 'onEnd'
  | 'onFail';
export type MomentArgs<K extends MomentHook> =
  Parameters<NonNullable<TrainCallback[K]>> extends [...infer A, LoopContext] ? A : never;

/** Calls `hook` on each callback in list order, awaiting each. */
export async function callEach<K extends MomentHook>(
  callbacks: readonly TrainCallback[],
  hook: K,
  args: MomentArgs<K>,
  t: LoopContext,
): Promise<void> {
  for (const cb of callbacks) {
    const fn = cb[hook] as ((...a: unknown[]) => Awaitable) | undefined;
    if (fn) await fn.call(cb, ...args, t);
  }
}
