/**
 * The host's project watcher, one at a time: switched when another project opens, closed with the host. It
 * remembers the runs the host launched itself so the watcher never reports them a second time.
 */
import type { RunEvent } from '../shared/events';
import type { RunId } from '../shared/run-types';
import { ProjectWatcher, type WatchOptions } from './project-watch';

export type { WatchOptions };

export class WatchSlot {
  private readonly ownRuns = new Set<RunId>();
  private current: Promise<ProjectWatcher | null> = Promise.resolve(null);
  private closed = false;

  private readonly emit: (e: RunEvent) => void;
  /** Read when a project opens (the host's options). */
  private readonly options: () => WatchOptions | false | undefined;

  constructor(o: { emit: (e: RunEvent) => void; options: () => WatchOptions | false | undefined }) {
    this.emit = o.emit;
    this.options = o.options;
  }

  /** Runs this host launches (called before their trainers can write their folders); returns them. */
  own(ids: RunId[]): RunId[] {
    for (const id of ids) this.ownRuns.add(id);
    return ids;
  }

  switchTo(dir: string): void {
    const o = this.options();
    if (o === false) return;
    this.current = this.current.then(async (w) => {
      await w?.close();
      if (this.closed) return null;
      // A project the watcher cannot read stays usable; its runs then show on the next runs:list only.
      return ProjectWatcher.start(dir, this.emit, (id) => this.ownRuns.has(id), o).catch(() => null);
    });
  }

  /** The watcher once started (null when watching is off or could not start). */
  ready(): Promise<ProjectWatcher | null> {
    return this.current;
  }

  async close(): Promise<void> {
    this.closed = true;
    await (await this.current)?.close();
  }
}
