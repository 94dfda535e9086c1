/**
 * A scripted Experiment for tests of the loop and the trainer process: deterministic numbers, a call log,
 * and hooks to act between steps (pause, stop, throw) without any tfjs.
 */
import type { MaskStat, SomSnapshot, WinnerTrace } from '../../shared/run-types';
import type { Experiment, SavedFile } from './experiment';
import { LateMetrics } from './late-metrics';

export interface FakeOptions {
  totalSteps?: number;
  stepsPerEpoch?: number;
  /** Called inside step(s) before it returns (e.g. to pause, stop or advance a fake clock). */
  onStep?(step: number): void | Promise<void>;
  failAt?: number;
  withViews?: boolean;
  /** Report the loss through `late`, resolved after this many event-loop turns (as a device read would). */
  lateTurns?: number;
}

const turnsLater = <T>(v: T, n: number): Promise<T> =>
  new Promise((resolve) => {
    const go = (k: number): void => void (k === 0 ? resolve(v) : setImmediate(() => go(k - 1)));
    go(n);
  });

export class FakeExperiment implements Experiment {
  readonly totalSteps: number;
  readonly stepsPerEpoch: number;
  readonly calls: string[] = [];
  disposed = false;
  readonly late?: LateMetrics;

  constructor(private readonly o: FakeOptions = {}) {
    this.totalSteps = o.totalSteps ?? 10;
    this.stepsPerEpoch = o.stepsPerEpoch ?? 5;
    if (o.lateTurns !== undefined) this.late = new LateMetrics();
  }

  async step(step: number, epoch: number): Promise<Record<string, number>> {
    this.calls.push(`step ${step} e${epoch}`);
    await this.o.onStep?.(step);
    if (step === this.o.failAt) throw new Error(`step ${step} blew up`);
    if (!this.late) return { loss: 1 / (step + 1) };
    this.late.add(step, turnsLater({ loss: 1 / (step + 1) }, this.o.lateTurns!));
    return { lr: 0.1 };
  }

  async evaluate(epoch: number): Promise<Record<string, number>> {
    this.calls.push(`evaluate e${epoch}`);
    return { testAccuracy: 0.5 + epoch / 10 };
  }

  async snapshots(step: number): Promise<SomSnapshot[]> {
    this.calls.push(`snapshots ${step}`);
    if (this.o.withViews === false) return [];
    return [
      {
        step,
        layer: 'som',
        rows: 1,
        cols: 2,
        topology: 'rect',
        shape: [1],
        codebook: Float32Array.from([step, -step]),
        hits: Float32Array.from([1, 0]),
        umatrix: Float32Array.from([0.5, 0.5]),
      },
    ];
  }

  async winners(step: number): Promise<WinnerTrace[]> {
    if (this.o.withViews === false) return [];
    return [{ step, layer: 'som', winners: Int32Array.from([this.calls.length % 2, 1]) }];
  }

  async maskStats(): Promise<MaskStat[]> {
    return this.o.withViews === false ? [] : [{ name: 'mask1', sparsity: 0.25, strength: 0.5 }];
  }

  async finalMetrics(): Promise<Record<string, number>> {
    this.calls.push('finalMetrics');
    return { steps: this.calls.filter((c) => c.startsWith('step')).length };
  }

  async save(): Promise<SavedFile[]> {
    return [{ name: 'model.json', data: '{"fake":true}' }];
  }

  dispose(): void {
    this.disposed = true;
  }
}
