/**
 * One ipcMain handler per Api call. Each checks that the sender is our own renderer frame, then the
 * LabHost validates the arguments against the contract schemas before anything runs.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { API_ARGS } from '../shared/api-schemas';
import type { LabHost } from '../host/lab-host';
import { rendererUrl } from './window';

export const channelOf = (call: string): string => `somlab:${call}`;

function fromOurRenderer(e: IpcMainInvokeEvent): boolean {
  const url = e.senderFrame?.url ?? '';
  return url.split('#')[0]!.split('?')[0] === rendererUrl();
}

export function registerApi(host: LabHost): () => void {
  const names = Object.keys(API_ARGS);
  for (const name of names) {
    ipcMain.handle(channelOf(name), async (e, ...args: unknown[]) => {
      if (!fromOurRenderer(e)) throw new Error(`refused ${name}: the request did not come from the SOM Lab window`);
      return host.call(name, args);
    });
  }
  return () => names.forEach((n) => ipcMain.removeHandler(channelOf(n)));
}
