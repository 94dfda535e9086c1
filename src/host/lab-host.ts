/**
 * The Api implemented in Node, shared by both hosts (the lab server and Electron main): it owns the open
 * project, spawns one trainer process per run and fans run events out to every subscriber.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ApiCallName, ApiCalls, ProjectInfo } from '../shared/api';
import { parseApiArgs } from '../shared/api-schemas';
import type { RunEvent } from '../shared/events';
import type { RunId } from '../shared/run-types';
import { findPreset, PRESETS } from '../shared/presets';
import { expandPreset } from '../shared/sweep';
import { parseSpec } from '../shared/validate';
import { containedPath } from '../engine/fs/contain';
import { createProject, listRuns, openProject, readRun, readSnapshot, readWinners } from '../engine/runs';
import { launchTrainer, type TrainerHandle } from './launch-trainer';
import { resultsCalls, withHonestPreset } from './results-calls';
import { revealInProject, rootsNow, type Roots } from './project-files';
import type { TrainerTransport } from './trainer-child';

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
}

export class LabHost {
  private project: ProjectInfo | null = null;
  private readonly trainers = new Map<RunId, TrainerHandle>();
  private readonly listeners = new Set<(e: RunEvent) => void>();

  constructor(private readonly opts: LabHostOptions) {}

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

  private opened(project: ProjectInfo): ProjectInfo {
    this.opts.recentProjects?.opened(project.dir);
    return (this.project = project);
  }

  /** The host's own default project (a path it chose, not a client): opened, or created the first time. */
  private async openDefault(): Promise<ProjectInfo> {
    const dir = this.opts.defaultProject;
    if (!dir) throw new Error('this host has no default project: open or create a project folder');
    const exists = existsSync(join(dir, 'somlab.json'));
    return this.opened({ ...(await (exists ? openProject(dir) : createProject(dir, 'Default project'))), dir });
  }

  private requireProject(): ProjectInfo {
    if (!this.project) throw new Error('no project is open: open or create a project folder first');
    return this.project;
  }

  protected emit(e: RunEvent): void {
    for (const l of this.listeners) l(e);
  }

  private handle(id: RunId): TrainerHandle {
    const h = this.trainers.get(id);
    // A run that said it ended is no longer training, though its process may take a moment to exit.
    if (!h || h.ended) throw new Error(`run ${id} is not training in this session`);
    return h;
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
    'runs:list': () => listRuns(this.requireProject().dir),
    'runs:get': (id) => readRun(this.requireProject().dir, id),
    'runs:snapshot': (id, step, layer) => readSnapshot(this.requireProject().dir, id, step, layer ?? 'som'),
    'runs:winners': (id, step, layer) => readWinners(this.requireProject().dir, id, step, layer ?? 'som'),
    'runs:start': async (input) => (await this.start(input)).id,
    'runs:startPreset': async (name) => {
      const preset = findPreset(name);
      const [first, ...rest] = expandPreset(preset);
      const group = preset.variants ? preset.name : undefined;
      if (group) this.stoppedGroups.delete(group);
      const firstRun = await this.start(first!.spec, group);
      // The other variants follow one after another, each when the previous trainer exits.
      void (async () => {
        let prev = firstRun.exited;
        for (const v of rest) {
          await prev;
          if (this.closing || (group && this.stoppedGroups.has(group))) return;
          prev = (await this.start(v.spec, group).catch(() => ({ exited: Promise.resolve(0) }))).exited;
        }
      })();
      return firstRun.id;
    },

    'runs:pause': (id) => this.handle(id).pause(),
    'runs:resume': (id) => this.handle(id).resume(),
    'runs:stop': (id) => this.handle(id).stop(),
    'presets:list': () => PRESETS,
    'datasets:roots': () => [...this.dataRoots()],
    // Loaded on first use: the host process never pays for the loaders (or sharp) unless a preview is asked.
    'datasets:preview': async (ref) =>
      (await import('../engine/data')).previewDataset(ref, { allowedRoots: this.dataRootsOrAnywhere() }),
    'dialogs:pickFolder': async (purpose) => (this.opts.pickFolder ? await this.opts.pickFolder(purpose) : null),
    'files:reveal': (path) => revealInProject(this.requireProject().dir, path, this.opts.reveal),
    ...resultsCalls({ projectDir: () => this.requireProject().dir, stopGroup: (g) => this.stopGroup(g) }),
  };

  private readonly stoppedGroups = new Set<string>();
  private readonly groupOf = new Map<RunId, string>();

  private stopGroup(group: string): void {
    this.stoppedGroups.add(group);
    for (const [id, h] of this.trainers) if (this.groupOf.get(id) === group) h.stop();
  }

  private dataRoots(): readonly string[] {
    return this.opts.dataRoots === null ? [] : rootsNow(this.opts.dataRoots);
  }
  private dataRootsOrAnywhere(): string[] | undefined {
    return this.opts.dataRoots === null ? undefined : [...this.dataRoots()];
  }

  private closing = false;

  private async start(input: unknown, group?: string): Promise<{ id: RunId; exited: Promise<number> }> {
    const spec = withHonestPreset(parseSpec(input));
    const projectDir = this.requireProject().dir;
    const handle = launchTrainer({
      transport: this.opts.transport,
      spec,
      projectDir,
      dataRoots: [...this.dataRoots()],
      group,
      unrestricted: this.opts.dataRoots === null,
      onEvent: (e) => this.emit(e),
    });
    this.trainers.set(handle.runId, handle);
    if (group) this.groupOf.set(handle.runId, group);
    void handle.exited.finally(() => this.trainers.delete(handle.runId));
    // Answer once the run is on disk (the trainer says so), so a client that opens it right away finds it.
    await handle.created;
    return { id: handle.runId, exited: handle.exited };
  }

  /** Stops every trainer (graceful, then killed after a grace period). */
  async close(graceMs = 3000): Promise<void> {
    this.closing = true;
    const all = [...this.trainers.values()];
    for (const h of all) h.stop();
    await Promise.race([Promise.all(all.map((h) => h.exited)), new Promise((r) => setTimeout(r, graceMs))]);
    for (const h of this.trainers.values()) h.kill();
  }
}
