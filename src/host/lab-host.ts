/**
 * The Api implemented in Node, shared by both hosts (the lab server and Electron main): it owns the open
 * project, spawns one trainer process per run and fans run events out to every subscriber.
 */
import { WINDOW_BUCKETS } from '../engine/runs/metrics-envelope';
import { datasetCacheRoot } from '../engine/runs/paths';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ApiCallName, ApiCalls, ProjectInfo } from '../shared/api';
import { parseApiArgs } from '../shared/api-schemas';
import type { RunEvent } from '../shared/events';
import { findPreset, PRESETS } from '../shared/presets';
import { expandPreset } from '../shared/sweep';
import { containedPath } from '../engine/fs/contain';
import {
  createProject,
  listRuns,
  openProject,
  readRun,
  readSnapshot,
  readWinners,
  removeStaleTmp,
} from '../engine/runs';
import { HostRuns } from './host-runs';
import type { StopAllResult } from './shutdown';
import { resultsCalls } from './results-calls';
import { robustnessCalls } from './robustness-calls';
import { revealInProject, rootsNow, type Roots } from './project-files';
import type { TrainerTransport } from './trainer-child';
import { WatchSlot, type WatchOptions } from './watch-slot';

export interface LabHostOptions {
  /** Folders a dataset path may point into, or a function giving the current set; `null` means anywhere. */
  dataRoots: Roots | null;
  /**
   * Folders a project may be opened or created in (the lab server's `--projects`), or a function giving
   * the current set (Electron: the folders the user picked); `null` means anywhere. Relative paths resolve
   * against the first.
   */
  projectRoots: Roots | null;
  /** How a trainer process is started: child_process.fork by default, utilityProcess in Electron. */
  transport?: TrainerTransport;
  /** Native folder dialog where the host has one. */
  pickFolder?: (purpose: 'project' | 'dataset') => Promise<string | null>;
  /** The project `project:openDefault` opens, created on first use (Electron: in the user's data folder). */
  defaultProject?: string;
  /** Told of every project opened or created (Electron's recent list); `projects:recent` answers its list. */
  recentProjects?: { opened(dir: string): void; list(): readonly string[] };
  /** Shows a file in the system's file manager (Electron's shell.showItemInFolder). */
  reveal?: (abs: string) => void | Promise<void>;
  /** Peak memory (bytes) a spec may be estimated to need; default: half the machine's RAM. */
  memoryBudget?: number;
  /** Trainers running at once, the rest queued; default: the machine's cores. */
  maxTrainers?: number;
  /** How runs written by other processes are noticed (fs.watch, polling on network disks); false: not at all. */
  watch?: WatchOptions | false;
}

/** How runs:get reads metrics for a window: 1000 envelope buckets (a few thousand rows at most). */
export const WINDOW_READ = { metricBuckets: WINDOW_BUCKETS } as const;

export class LabHost {
  private project: ProjectInfo | null = null;
  private readonly listeners = new Set<(e: RunEvent) => void>();
  readonly runs: HostRuns;
  /** Runs other processes write into the project, emitted as a trainer of ours would. */
  readonly watch = new WatchSlot({ emit: (e) => this.emit(e), options: () => this.opts.watch });

  constructor(private readonly opts: LabHostOptions) {
    this.runs = new HostRuns({
      transport: opts.transport,
      memoryBudget: opts.memoryBudget,
      maxTrainers: opts.maxTrainers,
      dataRoots: () => [...this.dataRoots()],
      unrestricted: opts.dataRoots === null,
      emit: (e) => this.emit(e),
    });
  }

  onRunEvent(listener: (e: RunEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Validates a call from the outside world, then runs it. */
  async call(name: string, args: unknown): Promise<unknown> {
    const parsed = parseApiArgs(name as ApiCallName, args) as unknown[];
    const fn = this.calls[name as ApiCallName] as (...a: unknown[]) => unknown;
    return await fn(...parsed);
  }

  /** Where a client's project path really is, refused (OutsideRootsError) outside the project roots. */
  private async projectPath(dir: string): Promise<string> {
    const r = this.opts.projectRoots;
    if (r === null) return resolve(dir);
    return (await containedPath(dir, { roots: rootsNow(r), what: 'project folder' })).real;
  }

  private async opened(project: ProjectInfo): Promise<ProjectInfo> {
    this.opts.recentProjects?.opened(project.dir);
    this.watch.switchTo(project.dir);
    await removeStaleTmp(project.dir); // left by writers that died mid-write; never a live trainer's
    return (this.project = project);
  }

  /** The host's own default project (a path it chose, not a client): opened, or created the first time. */
  private async openDefault(): Promise<ProjectInfo> {
    const dir = this.opts.defaultProject;
    if (!dir) throw new Error('this host has no default project: open or create a project folder');
    const exists = existsSync(join(dir, 'somlab.json'));
    return this.opened({ ...(await (exists ? openProject(dir) : createProject(dir, 'Default project'))), dir });
  }

  private readonly projectDir = (): string => this.requireProject().dir;

  private requireProject(): ProjectInfo {
    if (!this.project) throw new Error('no project is open: open or create a project folder first');
    return this.project;
  }

  protected emit(e: RunEvent): void {
    for (const l of this.listeners) l(e);
  }

  readonly calls: {
    [K in ApiCallName]: (...a: Parameters<ApiCalls[K]>) => Promise<ReturnType<ApiCalls[K]>> | ReturnType<ApiCalls[K]>;
  } = {
    'project:open': async (dir) => {
      const real = await this.projectPath(dir);
      return this.opened({ ...(await openProject(real)), dir: real });
    },
    'project:create': async (dir, name) => {
      const real = await this.projectPath(dir);
      return this.opened({ ...(await createProject(real, name)), dir: real });
    },
    'project:current': () => this.project,
    'project:openDefault': () => this.openDefault(),
    'projects:recent': () => [...(this.opts.recentProjects?.list() ?? [])],
    'runs:list': async () => this.runs.list(this.requireProject().dir, await listRuns(this.requireProject().dir)),
    // A window gets a long run's metrics as their min/max envelope (the full rows stay on disk).
    'runs:get': (id) =>
      this.runs.detail(this.requireProject().dir, id) ?? readRun(this.requireProject().dir, id, WINDOW_READ),
    'runs:snapshot': (id, step, layer) => readSnapshot(this.requireProject().dir, id, step, layer ?? 'som'),
    'runs:winners': (id, step, layer) => readWinners(this.requireProject().dir, id, step, layer ?? 'som'),
    // Both answer at once: the run is queued or starting; its folder appears when its trainer creates it.
    'runs:start': (input) => this.watch.own(this.runs.enqueue(this.projectDir, [input]))[0]!,
    'runs:startPreset': (name) => {
      const preset = findPreset(name);
      const specs = expandPreset(preset).map((v) => v.spec);
      return this.watch.own(this.runs.enqueue(this.projectDir, specs, preset.variants ? preset.name : undefined))[0]!;
    },
    'runs:pause': (id) => this.runs.handle(id, 'pause').pause(),
    'runs:resume': (id) => this.runs.handle(id, 'resume').resume(),
    'runs:stop': (id) => this.runs.stop(id),
    'presets:list': () => PRESETS,
    'datasets:roots': () => [...this.dataRoots()],
    // Loaded on first use: the host process never pays for the loaders (or sharp) unless a preview is asked.
    'datasets:preview': async (ref) =>
      (await import('../engine/data')).previewDataset(ref, {
        allowedRoots: this.dataRootsOrAnywhere(),
        // With a project open, a folder is converted into its cache once (the run reuses it).
        ...(this.project ? { cacheRoot: datasetCacheRoot(this.project.dir) } : {}),
      }),
    'dialogs:pickFolder': async (purpose) => (this.opts.pickFolder ? await this.opts.pickFolder(purpose) : null),
    'files:reveal': (path) => revealInProject(this.requireProject().dir, path, this.opts.reveal),
    ...resultsCalls({ projectDir: () => this.requireProject().dir, stopGroup: (g) => this.runs.stopGroup(g) }),
    ...robustnessCalls({
      projectDir: () => this.requireProject().dir,
      transport: () => this.opts.transport,
      dataRoots: () => [...this.dataRoots()],
      unrestricted: () => this.opts.dataRoots === null,
      emit: (e) => this.emit(e),
    }),
  };

  private dataRoots(): readonly string[] {
    return this.opts.dataRoots === null ? [] : rootsNow(this.opts.dataRoots);
  }
  private dataRootsOrAnywhere(): string[] | undefined {
    return this.opts.dataRoots === null ? undefined : [...this.dataRoots()];
  }

  /**
   * Shutdown: waiting runs dropped, trainers asked to stop, those still alive after `graceMs` killed and
   * their runs marked interrupted (awaited), then stale temp files removed. Nothing is left `running`.
   */
  async close(graceMs = 3000): Promise<void> {
    await this.shutdown(graceMs);
  }

  /** close() with what it did: trainers stopped by themselves, killed after the grace, temp files removed. */
  async shutdown(graceMs = 3000): Promise<StopAllResult & { tmpRemoved: number }> {
    await this.watch.close();
    const r = await this.runs.close(graceMs);
    return { ...r, tmpRemoved: this.project ? (await removeStaleTmp(this.project.dir)).length : 0 };
  }
}
