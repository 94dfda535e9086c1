/**
 * Pause, resume, stop and snapshot requests for one run. Commands arrive as messages between steps; the
 * loop checks them after yielding to the event loop, so they take effect between batches.
 */
export type RunState = 'running' | 'paused';

export class RunControl {
  private pausedFlag = false;
  private stopFlag = false;
  private snapshotFlag = false;
  private wakers: (() => void)[] = [];
  private readonly listeners = new Set<(s: RunState) => void>();

  get paused(): boolean {
    return this.pausedFlag;
  }

  get stopped(): boolean {
    return this.stopFlag;
  }

  /** Called with the new state on every pause and resume; returns a disposer. */
  onState(listener: (s: RunState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  pause(): void {
    if (this.pausedFlag || this.stopFlag) return;
    this.pausedFlag = true;
    this.notify('paused');
  }

  resume(): void {
    if (!this.pausedFlag) return;
    this.pausedFlag = false;
    this.notify('running');
    this.wake();
  }

  /** Stops after the current step; a paused run stops without resuming (no 'running' state is sent). */
  stop(): void {
    this.stopFlag = true;
    this.pausedFlag = false;
    this.wake();
  }

  requestSnapshot(): void {
    this.snapshotFlag = true;
    this.wake();
  }

  /** True once per request. */
  takeSnapshotRequest(): boolean {
    const r = this.snapshotFlag;
    this.snapshotFlag = false;
    return r;
  }

  /**
   * Resolves at once when running; while paused, resolves on the next command (resume, stop or a snapshot
   * request), so the loop can serve a snapshot of a paused run and then wait again.
   */
  waitIfPaused(): Promise<void> {
    if (!this.pausedFlag) return Promise.resolve();
    return new Promise((resolve) => this.wakers.push(resolve));
  }

  private wake(): void {
    const w = this.wakers;
    this.wakers = [];
    for (const f of w) f();
  }

  private notify(s: RunState): void {
    for (const l of this.listeners) l(s);
  }
}
