/** Serves the built renderer (out/renderer) and nothing else: no directory listing, no path escapes. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export async function serveStatic(
  root: string,
  urlPath: string,
  res: ServerResponse,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  const rel = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  const file = join(root, rel === '' ? 'index.html' : rel);
  if (!file.startsWith(root + sep) && file !== root) {
    res.writeHead(403).end('forbidden');
    return;
  }
  const st = await stat(file).catch(() => null);
  const target = st?.isFile() ? file : join(root, 'index.html'); // SPA fallback
  const ok = st?.isFile() || (await stat(target).catch(() => null))?.isFile();
  if (!ok) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('renderer not built: run `npm run build:renderer`');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
    ...extraHeaders,
  });
  createReadStream(target).pipe(res);
}
