/**
 * Electron main: wires the shell's modules to Electron. The logic lives in the modules (each takes the
 * Electron pieces it needs as parameters and is tested against stand-ins); this file only connects them.
 * Training never runs here: each run is a utilityProcess (training.ts).
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  MessageChannelMain,
  protocol,
  screen,
  session,
  shell,
} from 'electron';
import { join } from 'node:path';
import { LabHost } from '../host/lab-host';
import { SHELL_CHANNELS, type ShellAction } from '../shared/ipc-channels';
import { pathsFromArgv } from './argv';
import { pickAndGrant, type ShowOpenDialog } from './dialogs';
import { registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { hardenContents } from './navigation';
import { denyAllPermissions } from './permissions';
import { ProjectOpener } from './project-opener';
import { APP_INDEX, APP_SCHEME_PRIVILEGES, serveRenderer } from './protocol';
import { quitAfterHostCloses } from './quit';
import { stateFile } from './state-file';
import { utilityTransport } from './training';
import { FoldersSchema, NO_FOLDERS, UserFolders } from './user-folders';
import { builtPaths, windowOptions } from './window';
import { initialBounds, trackWindowState, WindowStateSchema } from './window-state';

// One data folder whatever the product name, the same from a checkout and installed.
app.setPath('userData', join(app.getPath('appData'), 'somlab'));
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

const dev = !app.isPackaged;
const data = app.getPath('userData');
const paths = builtPaths(import.meta.dirname);
const folders = new UserFolders(stateFile(join(data, 'folders.json'), FoldersSchema, NO_FOLDERS));
const windowState = stateFile(join(data, 'window-state.json'), WindowStateSchema, null);
let win: BrowserWindow | null = null;

const showOpenDialog: ShowOpenDialog = (o) => (win ? dialog.showOpenDialog(win, o) : dialog.showOpenDialog(o));
const send = (action: ShellAction): void => win?.webContents.send(SHELL_CHANNELS.action, action);
const host = new LabHost({
  dataRoots: () => folders.roots('dataset'),
  projectRoots: () => folders.roots('project'),
  transport: utilityTransport,
  pickFolder: (purpose) => pickAndGrant(showOpenDialog, folders, purpose),
  defaultProject: join(data, 'Default project'),
  recentProjects: {
    opened: (dir) => (folders.opened(dir), app.addRecentDocument(dir)),
    list: () => folders.recent(),
  },
  reveal: (abs) => shell.showItemInFolder(abs),
});
const opener = new ProjectOpener({
  host,
  folders,
  showOpenDialog,
  send,
  showError: (title, message) => void dialog.showMessageBox({ type: 'error', title, message: title, detail: message }),
});

/** Run events reach the renderer over a MessagePort, not per-event IPC. */
function connectEvents(w: BrowserWindow): () => void {
  const { port1, port2 } = new MessageChannelMain();
  w.webContents.postMessage(SHELL_CHANNELS.events, null, [port2]);
  const dispose = host.onRunEvent((e) => port1.postMessage(e));
  return () => (dispose(), port1.close());
}

async function openWindow(): Promise<void> {
  const saved = await windowState.read();
  const bounds = initialBounds(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const w = (win = new BrowserWindow(windowOptions({ bounds, preload: paths.preload, dev })));
  if (saved?.maximized) w.maximize();
  trackWindowState(w, (s) => void windowState.write(s));
  hardenContents(w.webContents, shell);
  let disconnect: (() => void) | null = null;
  w.webContents.on('did-finish-load', () => (disconnect?.(), (disconnect = connectEvents(w))));
  w.once('ready-to-show', () => w.show());
  w.on('closed', () => (disconnect?.(), (win = null)));
  await w.loadURL(APP_INDEX);
}

function installMenu(): void {
  const commands = {
    send,
    newProject: () => void opener.createWithDialog(),
    openProject: () => void opener.openWithDialog(),
    openRecent: (dir: string) => void opener.open(dir, 'recent'),
  };
  const context = { dev, mac: process.platform === 'darwin', recent: folders.recent() };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(context, commands)));
}

const openFromArgv = (argv: readonly string[], cwd: string): void =>
  pathsFromArgv(argv, { packaged: app.isPackaged, cwd }).forEach((p) => void opener.open(p, 'command line'));

if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('second-instance', (_e, argv, cwd) => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
    openFromArgv(argv, cwd);
  });
  app.on('open-file', (e, path) => (e.preventDefault(), void opener.open(path, 'recent')));
  app.on('web-contents-created', (_e, contents) => contents.setWindowOpenHandler(() => ({ action: 'deny' })));
  quitAfterHostCloses(app, () => host.close());
  void app.whenReady().then(async () => {
    await folders.load();
    denyAllPermissions(session.defaultSession);
    serveRenderer(protocol, paths.renderer);
    registerIpc(ipcMain, host, { dropped: (p) => opener.open(p, 'drop') }, (id) => win?.webContents.id === id);
    folders.onChange(installMenu);
    installMenu();
    await openWindow();
    openFromArgv(process.argv, process.cwd());
    app.on('activate', () => void (BrowserWindow.getAllWindows().length === 0 && openWindow()));
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
