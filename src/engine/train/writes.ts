/**
 * Store writes run in the background while training goes on; the first failure is kept and thrown at the
 * next step (a full disk should fail the run, not vanish as an unhandled rejection).
 */
export class PendingWrites {
  private readonly inFlight = new Set<Promise<void>>();
  private error: unknown;
  private failed = false;

  track(p: Promise<void> | undefined): void {
    if (!p) return;
    const tracked = p.then(
      () => undefined,
      (e: unknown) => {
        if (!this.failed) {
          this.failed = true;
          this.error = e;
        }
      },
    );
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }

  throwIfFailed(): void {
    if (this.failed) throw this.error;
  }

  /** Waits for everything started so far, then throws the first failure, if any. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    this.throwIfFailed();
  }
}
