/**
 * What only the Electron host offers: native folder dialogs and menu actions. In the browser (the lab server)
 * there is no dialog (dialogs:pickFolder answers null there) and the UI keeps its text fields.
 */
import type { ShellAction } from '../../../shared/ipc-channels';
import { getApi } from './index';

type MenuBridge = { onMenu?: (l: (action: ShellAction) => void) => () => void };

export const hasNativeDialogs = (): boolean => typeof window !== 'undefined' && !!window.somlab;

export async function pickFolder(purpose: 'project' | 'dataset'): Promise<string | null> {
  return getApi()['dialogs:pickFolder'](purpose);
}

/** Shows a file or folder of the open project (e.g. `runs/<id>`) in the file manager; false in the browser. */
export async function reveal(projectPath: string): Promise<boolean> {
  return getApi()['files:reveal'](projectPath);
}

/** Subscribes to the application menu and shell events (see ShellAction); a no-op outside Electron. */
export function onMenu(listener: (action: ShellAction) => void): () => void {
  const bridge = window.somlab as MenuBridge | undefined;
  return bridge?.onMenu ? bridge.onMenu(listener) : () => {};
}
