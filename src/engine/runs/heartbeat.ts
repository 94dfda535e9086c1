/**
 * A heartbeat that a busy trainer cannot starve. A worker thread touches the run's `heartbeat` file on its
 * own event loop, so a step that blocks the trainer's main thread for minutes (the cpu backend, a big map)
 * still reads as alive to every reader (the host, `somlab list`, a second lab on the same project). The
 * thread dies with the process, so a killed or crashed trainer's beat goes stale as before. Chosen over the
 * host watching the process because readers without a host (the CLI's list) must see it on disk too.
 */
import { stat, unlink, writeFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

/** Plain CommonJS evaluated in the thread: no file to bundle or resolve (Electron's utilityProcess, tsx). */
const BEAT = `
const { workerData } = require('node:worker_threads');
const { utimesSync } = require('node:fs');
setInterval(() => {
  try {
    const now = new Date();
    utimesSync(workerData.file, now, now);
  } catch {
    // The run folder went away, or the disk is full: a missed beat reads as stale, which is the truth.
  }
}, workerData.ms);
`;

export class HeartbeatThread {
  private constructor(
    private readonly worker: Worker,
    private readonly file: string,
  ) {}

  /** Creates `file` (its mtime is the beat) and starts touching it every `ms`. */
  static async start(file: string, ms: number): Promise<HeartbeatThread> {
    await writeFile(file, '');
    const worker = new Worker(BEAT, { eval: true, workerData: { file, ms } });
    worker.on('error', () => undefined); // a dead thread shows as a stale beat, never as a crash
    worker.unref(); // a forgotten heartbeat must not keep the trainer process alive
    return new HeartbeatThread(worker, file);
  }

  /** Stops the thread, then removes the file (the run record says how the run ended). */
  async stop(): Promise<void> {
    await this.worker.terminate();
    await unlink(this.file).catch(() => undefined);
  }
}

/** Time of the last beat in ms, or undefined when the run has no heartbeat file. */
export async function lastBeat(file: string): Promise<number | undefined> {
  return stat(file).then(
    (s) => s.mtimeMs,
    () => undefined,
  );
}
