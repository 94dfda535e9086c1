/**
 * The window shows the renderer and nothing else: no navigation, redirect or frame load away from
 * somlab://app, no new windows (an allow-listed https link opens in the system browser instead), no
 * <webview>. Dropped files would navigate to file://: refused here, handled by the preload instead.
 */
import { APP_ORIGIN } from './protocol';

/** Sites a link in the app may open in the system browser (paper references), by exact origin. */
export const EXTERNAL_ORIGINS: readonly string[] = ['https://doi.org', 'https://arxiv.org'];

export function allowedExternal(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password && EXTERNAL_ORIGINS.includes(u.origin);
  } catch {
    return false;
  }
}

/** A URL of the app's own pages (compared by parts: Node's URL gives custom schemes the origin "null"). */
export const isAppUrl = (url: string): boolean => {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN && !u.username && !u.password;
  } catch {
    return false;
  }
};

interface Preventable {
  preventDefault(): void;
  url?: string;
}

/** The part of WebContents hardened here (Electron's WebContents satisfies it). */
export interface ContentsLike {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (e: Preventable, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (e: Preventable & { url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (e: Preventable) => void): unknown;
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

export function hardenContents(contents: ContentsLike, shell: ShellLike, log = console.warn): void {
  const refuse = (what: string) => (e: Preventable, url?: string) => {
    const target = e.url ?? url ?? '';
    if (isAppUrl(target)) return; // the app's own page
    e.preventDefault();
    log(`somlab: refused ${what} to ${target.slice(0, 200)}`);
  };
  contents.on('will-navigate', refuse('navigation'));
  contents.on('will-frame-navigate', refuse('frame navigation'));
  contents.on('will-redirect', refuse('redirect'));
  contents.on('will-attach-webview', refuse('webview'));
  contents.setWindowOpenHandler(({ url }) => {
    if (allowedExternal(url)) void shell.openExternal(url).catch(() => undefined);
    else log(`somlab: refused to open ${url.slice(0, 200)} (not an allowed site: ${EXTERNAL_ORIGINS.join(', ')})`);
    return { action: 'deny' };
  });
}
