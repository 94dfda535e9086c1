/**
 * What only the Electron host offers: native folder dialogs and menu actions. In the browser (lab server,
 * demo) there is no dialog (dialogs:pickFolder answers null there) and the UI keeps its text fields.
 */
import { getApi } from './index';

type MenuBridge = { onMenu?: (l: (action: string) => void) => () => void };

export const hasNativeDialogs = (): boolean => typeof window !== 'undefined' && !!window.somlab;

export async function pickFolder(purpose: 'project' | 'dataset'): Promise<string | null> {
  return getApi()['dialogs:pickFolder'](purpose);
}

/** Subscribes to the application menu (File › Open Project…, View › Runs…); a no-op outside Electron. */
export function onMenu(listener: (action: string) => void): () => void {
  const bridge = window.somlab as MenuBridge | undefined;
  return bridge?.onMenu ? bridge.onMenu(listener) : () => {};
}
