/**
 * Quitting waits for the lab to close: the first `before-quit` is held (preventDefault) while LabHost
 * stops its trainers and marks their runs, then the app quits for real. If closing hangs past the
 * deadline the app exits anyway (the trainers' own heartbeat then shows their runs as interrupted).
 */
export interface QuitApp {
  on(event: 'before-quit', listener: (e: { preventDefault(): void }) => void): unknown;
  quit(): void;
  exit(code?: number): void;
}

export interface QuitOptions {
  deadlineMs?: number;
  log?: (message: string) => void;
}

export function quitAfterHostCloses(app: QuitApp, close: () => Promise<void>, o: QuitOptions = {}): void {
  const log = o.log ?? console.error;
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('before-quit', (e) => {
    if (state === 'closed') return;
    e.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    const deadline = setTimeout(() => {
      log(`somlab: the lab did not close within ${(o.deadlineMs ?? 20_000) / 1000} s; exiting`);
      app.exit(1);
    }, o.deadlineMs ?? 20_000);
    void close()
      .catch((err: Error) => log(`somlab: closing the lab failed: ${err.message}`))
      .finally(() => {
        clearTimeout(deadline);
        state = 'closed';
        app.quit();
      });
  });
}
