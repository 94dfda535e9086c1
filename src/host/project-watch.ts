/**
 * The lab watches its project, not only its own trainers: run folders that other processes create (the CLI,
 * Slurm nodes on a shared disk, a second lab) are followed by a RunFollower each, which emits the same run
 * events a trainer would. Ticks come from node:fs watch on the runs folder and on each followed run's folders
 * (debounced), with a slow timer as a safety net; on a network filesystem (NFS, SMB, Lustre, GPFS…, where
 * inotify never hears of another machine's writes), or when fs.watch fails, a faster timer polls instead.
 * Runs the host launched itself are ignored: their events already come from their trainers.
 */
import { watch, type FSWatcher } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunEvent } from '../shared/events';
import type { LivenessOptions } from '../engine/runs/liveness';
import { runDir, runsDir } from '../engine/runs/paths';
import { readRecord } from '../engine/runs/read-runs';
import { withLiveness } from '../engine/runs/liveness';
import { lastBeat } from '../engine/runs/heartbeat';
import { isNetworkFs } from './network-fs';
import { RunFollower } from './run-follower';

export const WATCH_MODES = ['auto', 'watch', 'poll'] as const;
export type WatchMode = (typeof WATCH_MODES)[number];

export interface WatchOptions {
  /** auto: fs.watch, polling on a network filesystem; watch / poll: force one. */
  mode?: WatchMode;
  /** Poll period (ms) when polling. */
  pollMs?: number;
  /** Safety-net period (ms) when fs.watch drives the ticks (it can drop events under load). */
  safetyMs?: number;
  liveness?: LivenessOptions;
}

/** Folders whose appearance inside a watched one is watched in turn. */
const SUBDIRS = new Set(['runs', 'snapshots', 'winners']);
const RUN_DIR_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export class ProjectWatcher {
  private readonly known = new Set<string>();
  private readonly followers = new Map<string, RunFollower>();
  private readonly watchers = new Map<string, FSWatcher>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private soon: ReturnType<typeof setTimeout> | undefined;
  private ticking: Promise<void> | null = null;
  private again = false;
  private closed = false;
  polling = false;

  private constructor(
    private readonly projectDir: string,
    private readonly emit: (e: RunEvent) => void,
    private readonly isOwn: (id: string) => boolean,
    private readonly o: WatchOptions,
  ) {}

  /** Starts watching; runs running already are followed from now, ended ones are left alone. */
  static async start(
    projectDir: string,
    emit: (e: RunEvent) => void,
    isOwn: (id: string) => boolean,
    o: WatchOptions = {},
  ): Promise<ProjectWatcher> {
    const w = new ProjectWatcher(projectDir, emit, isOwn, o);
    const mode = o.mode ?? 'auto';
    w.polling = mode === 'poll' || (mode === 'auto' && (await isNetworkFs(projectDir)));
    for (const id of await w.runIds()) {
      w.known.add(id);
      // Followed from what is on disk now: the first tick notes where the files end, before we return.
      if (!w.isOwn(id) && (await w.stillRunning(id))) await w.follow(id, true).tick();
    }
    w.watchDir(projectDir); // hears runs/ appear in a new project
    w.watchDir(runsDir(projectDir));
    w.restartTimer();
    return w;
  }

  /** Called for every tick trigger: coalesced, one tick at a time, a trigger during a tick runs one more. */
  private schedule(delayMs = 50): void {
    if (this.closed || this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = undefined;
      void this.tick();
    }, delayMs);
    this.soon.unref?.();
  }

  tick(): Promise<void> {
    if (this.ticking) {
      this.again = true;
      return this.ticking;
    }
    this.ticking = (async () => {
      do {
        this.again = false;
        await this.scan();
        for (const f of this.followers.values()) if (!this.closed) await f.tick();
        for (const [id, f] of this.followers) if (f.done) this.unfollow(id);
      } while (this.again && !this.closed);
    })().finally(() => (this.ticking = null));
    return this.ticking;
  }

  private async runIds(): Promise<string[]> {
    const entries = await readdir(runsDir(this.projectDir), { withFileTypes: true }).catch(() => []);
    return entries.filter((d) => d.isDirectory() && RUN_DIR_NAME.test(d.name)).map((d) => d.name);
  }

  private async stillRunning(id: string): Promise<boolean> {
    const dir = runDir(this.projectDir, id);
    const rec = await readRecord(dir).catch(() => null);
    if (rec?.status !== 'running') return false;
    return withLiveness(rec, this.o.liveness, await lastBeat(join(dir, 'heartbeat'))).status === 'running';
  }

  private async scan(): Promise<void> {
    for (const id of await this.runIds()) {
      if (this.known.has(id) || this.closed) continue;
      this.known.add(id);
      if (!this.isOwn(id)) this.follow(id, false);
    }
  }

  private follow(id: string, fromNow: boolean): RunFollower {
    const f = new RunFollower(this.projectDir, id, this.emit, { fromNow, liveness: this.o.liveness });
    this.followers.set(id, f);
    const dir = runDir(this.projectDir, id);
    for (const d of [dir, join(dir, 'snapshots'), join(dir, 'winners')]) this.watchDir(d);
    return f;
  }

  private unfollow(id: string): void {
    this.followers.delete(id);
    const dir = runDir(this.projectDir, id);
    for (const d of [dir, join(dir, 'snapshots'), join(dir, 'winners')]) {
      this.watchers.get(d)?.close();
      this.watchers.delete(d);
    }
  }

  /** fs.watch on one folder (a missing one is fine: the run folder's own watch hears it appear). */
  private watchDir(dir: string): void {
    if (this.polling || this.watchers.has(dir)) return;
    try {
      const w = watch(dir, { persistent: false }, (_event, name) => {
        if (name && SUBDIRS.has(name)) this.watchDir(join(dir, name));
        this.schedule();
      });
      w.on('error', () => this.fallBackToPolling());
      this.watchers.set(dir, w);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.fallBackToPolling();
    }
  }

  /** fs.watch refused (inotify limits, an odd filesystem): poll from now on. */
  private fallBackToPolling(): void {
    if (this.polling) return;
    this.polling = true;
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    this.restartTimer();
  }

  private restartTimer(): void {
    if (this.timer) clearInterval(this.timer);
    const ms = this.polling ? (this.o.pollMs ?? 1000) : (this.o.safetyMs ?? 5000);
    this.timer = setInterval(() => void this.tick(), ms);
    this.timer.unref?.();
  }

  /** Runs being followed now (tests, diagnostics). */
  get following(): string[] {
    return [...this.followers.keys()];
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    await this.ticking;
  }
}
