/** The one app window: isolated, sandboxed, no Node in the page, strict CSP, no navigation away. */
import { BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export function rendererUrl(): string {
  return new URL(`file://${join(__dirname, '../renderer/index.html')}`).toString();
}

export function createMainWindow(): BrowserWindow {
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    show: false,
    title: 'SOM Lab',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  // Links open in the system browser; the app window never navigates away from the renderer.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:/.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (e, url) => {
    if (url !== win.webContents.getURL()) e.preventDefault();
  });
  void win.loadURL(rendererUrl());
  return win;
}
