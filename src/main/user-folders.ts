/**
 * The folders the user gave the app: picked in a native dialog, named on the command line, dropped on
 * the window, or opened before (recent projects). These are the only places the renderer may open or
 * create a project or read a dataset: LabHost checks every path against them (projectRoots, dataRoots).
 * Kept in main, never in the renderer, and saved so that recent projects stay openable after a restart.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import type { StateFile } from './state-file';

export type FolderKind = 'project' | 'dataset';
const MAX_GRANTS = 100;
const MAX_RECENT = 10;

export const FoldersSchema = z.object({
  project: z.array(z.string().max(4096)).max(MAX_GRANTS),
  dataset: z.array(z.string().max(4096)).max(MAX_GRANTS),
  recent: z.array(z.string().max(4096)).max(MAX_RECENT),
});
export type Folders = z.infer<typeof FoldersSchema>;
export const NO_FOLDERS: Folders = { project: [], dataset: [], recent: [] };

const front = (list: readonly string[], item: string, max: number): string[] =>
  [item, ...list.filter((x) => x !== item)].slice(0, max);

export class UserFolders {
  private state: Folders = NO_FOLDERS;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly file: StateFile<Folders> | null) {}

  async load(): Promise<this> {
    if (this.file) this.state = await this.file.read();
    return this;
  }

  /** The user chose `path` for `kind`: from now on the renderer may use it (and folders inside it). */
  grant(kind: FolderKind, path: string): string {
    const abs = resolve(path);
    this.update({ ...this.state, [kind]: front(this.state[kind], abs, MAX_GRANTS) });
    return abs;
  }

  /** A project opened: first in the recent list (and granted, so the list stays openable). */
  opened(dir: string): void {
    const abs = resolve(dir);
    this.update({
      ...this.state,
      project: front(this.state.project, abs, MAX_GRANTS),
      recent: front(this.state.recent, abs, MAX_RECENT),
    });
  }

  /** A recent project that no longer opens leaves the list (its grant stays until pushed out). */
  forget(dir: string): void {
    this.update({ ...this.state, recent: this.state.recent.filter((d) => d !== resolve(dir)) });
  }

  roots(kind: FolderKind): readonly string[] {
    return this.state[kind];
  }

  recent(): readonly string[] {
    return this.state.recent;
  }

  /** Resolves once every change so far is saved. */
  saved(): Promise<void> {
    return this.file?.settled() ?? Promise.resolve();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private update(next: Folders): void {
    this.state = next;
    void this.file?.write(next).catch(() => undefined);
    for (const l of this.listeners) l();
  }
}
