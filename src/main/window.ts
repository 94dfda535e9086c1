/**
 * The app window's options: isolated, sandboxed, no Node in the page, no webview tag, the preload as the
 * only bridge, developer tools only in development builds. The page itself is somlab://app/index.html.
 */
import { join } from 'node:path';
import type { Bounds } from './window-state';

export interface WindowOptionsInput {
  bounds: Partial<Bounds> & { width: number; height: number };
  preload: string;
  dev: boolean;
  icon?: string;
}

export function windowOptions(o: WindowOptionsInput) {
  return {
    ...o.bounds,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'SOM Lab',
    backgroundColor: '#f6f7f9',
    ...(o.icon ? { icon: o.icon } : {}),
    webPreferences: {
      preload: o.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: o.dev,
    },
  } as const;
}

/** Where the built pieces are, next to the main bundle (out/main): preload and renderer. */
export const builtPaths = (mainDir: string) => ({
  preload: join(mainDir, '../preload/index.cjs'),
  renderer: join(mainDir, '../renderer'),
});
