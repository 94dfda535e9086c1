/**
 * The renderer's only door to the app: one typed function per Api call (ipcRenderer.invoke), and run
 * events over a MessagePort that main hands over once. Nothing else of Node or Electron is exposed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_CALL_NAMES, type Api } from '../shared/api';
import type { RunEvent } from '../shared/events';

const listeners = new Set<(e: RunEvent) => void>();
ipcRenderer.on('somlab:events', (e) => {
  const port = e.ports[0];
  if (!port) return;
  port.onmessage = (m: { data: RunEvent }) => {
    for (const l of listeners) l(m.data);
  };
  port.start();
});

const menuListeners = new Set<(action: string) => void>();
ipcRenderer.on('somlab:menu', (_e, action: string) => {
  for (const l of menuListeners) l(action);
});

const calls = Object.fromEntries(
  API_CALL_NAMES.map((name) => [name, (...args: unknown[]) => ipcRenderer.invoke(`somlab:${name}`, ...args)]),
);

export interface PreloadApi extends Api {
  /** Application-menu actions (open project, new run, views). */
  onMenu(listener: (action: string) => void): () => void;
}

const api: PreloadApi = {
  ...(calls as Omit<Api, 'onRunEvent'>),
  onRunEvent(listener: (e: RunEvent) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  onMenu(listener: (action: string) => void): () => void {
    menuListeners.add(listener);
    return () => menuListeners.delete(listener);
  },
};

contextBridge.exposeInMainWorld('somlab', api);
