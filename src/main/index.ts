/** Electron main: wires the feature modules together. Training never runs here (see training.ts). */
import { app, BrowserWindow, MessageChannelMain } from 'electron';
import { LabHost } from '../host/lab-host';
import { folderPicker } from './dialogs';
import { registerApi } from './ipc';
import { installMenu } from './menu';
import { utilityTransport } from './training';
import { createMainWindow } from './window';

let win: BrowserWindow | null = null;
const current = (): BrowserWindow | null => win;

// In the desktop app the user picks dataset folders with the native dialog: any folder is allowed.
const host = new LabHost({
  dataRoots: null,
  projectRoots: null,
  transport: utilityTransport,
  pickFolder: folderPicker(current),
});

/** Run events reach the renderer over a MessagePort, not per-event IPC invokes. */
function connectEvents(w: BrowserWindow): () => void {
  const { port1, port2 } = new MessageChannelMain();
  w.webContents.postMessage('somlab:events', null, [port2]);
  const dispose = host.onRunEvent((e) => port1.postMessage(e));
  return () => {
    dispose();
    port1.close();
  };
}

function open(): void {
  win = createMainWindow();
  const w = win;
  let disconnect: (() => void) | null = null;
  w.webContents.on('did-finish-load', () => {
    disconnect?.();
    disconnect = connectEvents(w);
  });
  w.on('closed', () => {
    disconnect?.();
    win = null;
  });
}

app.enableSandbox();
void app.whenReady().then(() => {
  registerApi(host);
  installMenu(current);
  open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
});
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('before-quit', () => {
  void host.close();
});
