/**
 * The renderer's only door to the app: one typed function per Api call (ipcRenderer.invoke), run events
 * over a MessagePort that main hands over once, shell actions (menu commands), and folders dropped on the
 * window (their paths read here with webUtils, then opened by main). Nothing else of Node or Electron.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_CALL_NAMES, type Api } from '../shared/api';
import type { RunEvent } from '../shared/events';
import { apiChannel, SHELL_CHANNELS, type ShellAction } from '../shared/ipc-channels';

const listeners = new Set<(e: RunEvent) => void>();
ipcRenderer.on(SHELL_CHANNELS.events, (e) => {
  const port = e.ports[0];
  if (!port) return;
  port.onmessage = (m: { data: RunEvent }) => {
    for (const l of listeners) l(m.data);
  };
  port.start();
});

const actionListeners = new Set<(action: ShellAction) => void>();
ipcRenderer.on(SHELL_CHANNELS.action, (_e, action: ShellAction) => {
  for (const l of actionListeners) l(action);
});

// A folder dropped anywhere on the window opens as a project (main checks it holds one).
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => {
  e.preventDefault();
  const file = e.dataTransfer?.files[0];
  const path = file ? webUtils.getPathForFile(file) : '';
  if (path) void ipcRenderer.invoke(SHELL_CHANNELS.dropped, path);
});

const calls = Object.fromEntries(
  API_CALL_NAMES.map((name) => [name, (...args: unknown[]) => ipcRenderer.invoke(apiChannel(name), ...args)]),
);

export interface PreloadApi extends Api {
  /** Application-menu commands and shell events (see ShellAction). */
  onMenu(listener: (action: ShellAction) => void): () => void;
}

const api: PreloadApi = {
  ...(calls as Omit<Api, 'onRunEvent'>),
  onRunEvent(listener: (e: RunEvent) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  onMenu(listener: (action: ShellAction) => void): () => void {
    actionListeners.add(listener);
    return () => actionListeners.delete(listener);
  },
};

contextBridge.exposeInMainWorld('somlab', api);
