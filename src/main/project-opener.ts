/**
 * Projects that main opens itself, not the renderer: from the File menu's dialogs, the recent list,
 * the command line, a second instance, or a folder dropped on the window. The folder is granted first
 * (the user named it), then opened through LabHost like any call; the renderer is told to reload it.
 */
import type { ProjectInfo } from '../shared/api';
import type { ShellAction } from '../shared/ipc-channels';
import { pickAndGrant, type ShowOpenDialog } from './dialogs';
import type { UserFolders } from './user-folders';

export interface OpenerDeps {
  host: { call(name: string, args: unknown): Promise<unknown> };
  folders: UserFolders;
  showOpenDialog: ShowOpenDialog;
  /** Tells the renderer (ShellAction), and shows an error the user must see (a native message box). */
  send(action: ShellAction): void;
  showError(title: string, message: string): void;
}

export type OpenedHow = 'command line' | 'drop' | 'recent' | 'dialog';

export class ProjectOpener {
  constructor(private readonly d: OpenerDeps) {}

  /** Opens the project at `dir`; errors are shown, not thrown (the caller is a menu or an event). */
  async open(dir: string, how: OpenedHow): Promise<ProjectInfo | null> {
    const granted = this.d.folders.grant('project', dir);
    try {
      const p = (await this.d.host.call('project:open', [granted])) as ProjectInfo;
      this.d.send('project-changed');
      return p;
    } catch (e) {
      if (how === 'recent') this.d.folders.forget(granted);
      this.d.showError('Could not open the project', `${granted} (${how}): ${(e as Error).message}`);
      return null;
    }
  }

  async openWithDialog(): Promise<ProjectInfo | null> {
    const dir = await pickAndGrant(this.d.showOpenDialog, this.d.folders, 'project');
    return dir ? this.open(dir, 'dialog') : null;
  }

  async createWithDialog(): Promise<ProjectInfo | null> {
    const dir = await pickAndGrant(this.d.showOpenDialog, this.d.folders, 'new-project');
    if (!dir) return null;
    const name = dir.split(/[\\/]/).filter(Boolean).pop() ?? 'SOM Lab project';
    try {
      const p = (await this.d.host.call('project:create', [dir, name])) as ProjectInfo;
      this.d.send('project-changed');
      return p;
    } catch (e) {
      this.d.showError('Could not create the project', `${dir}: ${(e as Error).message}`);
      return null;
    }
  }
}
