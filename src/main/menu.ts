/** Application menu: the standard roles plus keyboard shortcuts the renderer listens for. */
import { Menu, type BrowserWindow } from 'electron';

export function installMenu(win: () => BrowserWindow | null): void {
  const send = (action: string) => () => win()?.webContents.send('somlab:menu', action);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      {
        label: 'File',
        submenu: [
          { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: send('open-project') },
          { label: 'New Run…', accelerator: 'CmdOrCtrl+N', click: send('new-run') },
          { type: 'separator' },
          { role: 'quit' },
        ],
      },
      { role: 'editMenu' },
      {
        label: 'View',
        submenu: [
          { label: 'Runs', accelerator: 'CmdOrCtrl+1', click: send('view-runs') },
          { label: 'Live', accelerator: 'CmdOrCtrl+2', click: send('view-live') },
          { label: 'Compare', accelerator: 'CmdOrCtrl+3', click: send('view-compare') },
          { type: 'separator' },
          { role: 'reload' },
          { role: 'toggleDevTools' },
          { role: 'togglefullscreen' },
        ],
      },
    ]),
  );
}
