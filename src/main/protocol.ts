/**
 * The app's pages load from somlab://app/…, a privileged custom scheme, never from file:// (a file://
 * page may read any file:// URL). The handler serves files of the built renderer folder only: the URL's
 * path, decoded, is resolved through the one containment check (so `..`, encoded forms and symlinks that
 * lead outside are refused), and every response carries the CSP.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { containedPath } from '../engine/fs/contain';
import { RENDERER_CSP, RENDERER_TYPES } from '../shared/csp';

export const APP_SCHEME = 'somlab';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_INDEX = `${APP_ORIGIN}/index.html`;

/** Registered before the app is ready: standard (relative URLs, origin), secure (like https), fetchable. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const HEADERS = { 'content-security-policy': RENDERER_CSP, 'x-content-type-options': 'nosniff' };
const refuse = (status: number, why: string): Response =>
  new Response(why, { status, headers: { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' } });

/** The part of Electron's `protocol` module the app uses (main's real `protocol` satisfies it). */
export interface ProtocolLike {
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

/** The answer to one somlab:// request, from the files under `rendererDir`. */
export async function rendererResponse(url: string, rendererDir: string): Promise<Response> {
  let path: string;
  try {
    const u = new URL(url);
    if (u.protocol !== `${APP_SCHEME}:` || u.host !== 'app') return refuse(404, 'not found');
    path = decodeURIComponent(u.pathname).replace(/^\/+/, '') || 'index.html';
  } catch {
    return refuse(400, 'bad request');
  }
  if (path.includes('\0')) return refuse(400, 'bad request');
  const found = await containedPath(path, { roots: [rendererDir], base: rendererDir, what: 'renderer file' }).catch(
    () => null,
  );
  if (!found) return refuse(403, 'forbidden');
  const body = found.exists ? await readFile(found.real).catch(() => null) : null;
  if (!body) return refuse(404, 'not found');
  return new Response(body, {
    status: 200,
    headers: { ...HEADERS, 'content-type': RENDERER_TYPES[extname(found.real)] ?? 'application/octet-stream' },
  });
}

export function serveRenderer(protocol: ProtocolLike, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(request.url, rendererDir));
}
