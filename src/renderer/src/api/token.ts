/**
 * The lab server's access token. It arrives once in the page URL (`?token=…`, as Jupyter does); we keep it
 * in sessionStorage so reloads still work, and take it out of the visible URL so it is not shared by a
 * screenshot or a copied link. (The server also sets an HttpOnly cookie, so a missing token may still work.)
 */
export const TOKEN_KEY = 'somlab.token';

export interface TokenPlace {
  href: string;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  replaceUrl: (url: string) => void;
}

export function takeToken(p: TokenPlace): string | null {
  const url = new URL(p.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    p.storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    p.replaceUrl(url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return p.storage.getItem(TOKEN_KEY);
}

/** ws(s)://host/ws?token=… for the page at `href` (wss when the page came over https). */
export function socketUrl(href: string, token: string | null): string {
  const u = new URL(href);
  const proto = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${u.host}/ws${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}
