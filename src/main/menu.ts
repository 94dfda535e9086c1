/**
 * The application menu: File (new/open project, recent projects, new run), the standard Edit, View,
 * Window and Help roles, and the view shortcuts the renderer listens for. Reload and the developer tools
 * are offered only in development builds.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { ShellAction } from '../shared/ipc-channels';

export interface MenuContext {
  /** A development build (not packaged): adds reload and the developer tools. */
  dev: boolean;
  mac: boolean;
  recent: readonly string[];
}

export interface MenuCommands {
  send(action: ShellAction): void;
  newProject(): void;
  openProject(): void;
  openRecent(dir: string): void;
}

function fileMenu(c: MenuContext, cmd: MenuCommands): MenuItemConstructorOptions {
  const recent: MenuItemConstructorOptions[] = c.recent.length
    ? c.recent.map((dir) => ({ label: `${basename(dir)} — ${dir}`, click: () => cmd.openRecent(dir) }))
    : [{ label: 'No recent projects', enabled: false }];
  return {
    label: 'File',
    submenu: [
      { label: 'New Project…', accelerator: 'CmdOrCtrl+Shift+N', click: () => cmd.newProject() },
      { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => cmd.openProject() },
      { label: 'Open Recent', submenu: recent },
      { type: 'separator' },
      { label: 'New Run…', accelerator: 'CmdOrCtrl+N', click: () => cmd.send('new-run') },
      { type: 'separator' },
      c.mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
}

function viewMenu(c: MenuContext, cmd: MenuCommands): MenuItemConstructorOptions {
  const dev: MenuItemConstructorOptions[] = c.dev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  return {
    label: 'View',
    submenu: [
      { label: 'Runs', accelerator: 'CmdOrCtrl+1', click: () => cmd.send('view-runs') },
      { label: 'Live', accelerator: 'CmdOrCtrl+2', click: () => cmd.send('view-live') },
      { label: 'Compare', accelerator: 'CmdOrCtrl+3', click: () => cmd.send('view-compare') },
      { label: 'Playground', accelerator: 'CmdOrCtrl+5', click: () => cmd.send('view-playground') },
      { type: 'separator' },
      ...dev,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
}

export function menuTemplate(c: MenuContext, cmd: MenuCommands): MenuItemConstructorOptions[] {
  return [
    ...(c.mac ? [{ role: 'appMenu' } as const] : []),
    fileMenu(c, cmd),
    { role: 'editMenu' },
    viewMenu(c, cmd),
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: 'Keyboard Shortcuts (?)', click: () => cmd.send('shortcuts') }],
    },
  ];
}
