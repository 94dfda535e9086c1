/**
 * Serves the built renderer (out/renderer) and nothing else: no directory listing, no path escapes. A
 * path is served only when its real path (symlinks resolved) is a plain file inside the real renderer
 * folder; anything else falls back to index.html (the app's own routes). Read errors become a 500.
 */
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { containedPath } from '../engine/fs/contain';
import { decodedPath } from './request';
import { RENDERER_CSP, RENDERER_TYPES } from '../shared/csp';

/** Renderer assets are a few MB; anything far bigger is not one of them. */
const MAX_ASSET_BYTES = 64 * 1024 * 1024;

/** The renderer's CSP, the same the desktop app sends (src/shared/csp.ts). */
export const CSP = RENDERER_CSP;

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(text);
}

/** The real path of `rel` when it is a plain file inside the real `root`, else null (missing or outside). */
async function fileInside(root: string, rel: string): Promise<string | null> {
  const at = await containedPath(rel, { roots: [root], what: 'file', base: root }).catch(() => null);
  if (!at?.exists) return null;
  const st = await stat(at.real).catch(() => null);
  return st?.isFile() && st.size <= MAX_ASSET_BYTES ? at.real : null;
}

/** Sends a whole file; a read error (EIO, EACCES, a file that vanished) is answered with a 500. */
export async function sendFile(
  file: string,
  res: ServerResponse,
  headers: Record<string, string>,
  head = false,
): Promise<void> {
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch (e) {
    sendText(res, 500, `SOM Lab: this file cannot be read (${(e as NodeJS.ErrnoException).code ?? 'read error'})`);
    return;
  }
  res.writeHead(200, { 'content-type': RENDERER_TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
  res.end(head ? undefined : body);
}

export async function serveStatic(
  root: string,
  urlPath: string,
  res: ServerResponse,
  extraHeaders: Record<string, string> = {},
  head = false,
): Promise<void> {
  const rel = decodedPath(urlPath);
  if (rel === null) {
    sendText(res, 400, 'SOM Lab: bad path: malformed percent-encoding or a NUL byte');
    return;
  }
  const file = (await fileInside(root, rel || 'index.html')) ?? (await fileInside(root, 'index.html'));
  if (!file) {
    sendText(res, 404, 'renderer not built: run `npm run build:renderer`');
    return;
  }
  const headers = {
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
    ...extraHeaders,
  };
  await sendFile(file, res, headers, head);
}
