/**
 * The lab server's two doors: HTTP (the built renderer, and a session check the page uses to tell a
 * server that restarted with a new token from one that is down) and the WebSocket upgrade at /ws. Nothing
 * a request carries can throw out of here; every refusal is a status with a sentence.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { SESSION_PATH } from '../shared/wire';
import { admit, authorised, TOKEN_NEEDED, tokenCookie } from './auth';
import { requestUrl } from './request';
import { sendText, serveStatic } from './static';

export interface Doors {
  token: string | null;
  rendererDir: string;
  /** The server's own origins (known once it listens). */
  origins(): string[];
  wss: WebSocketServer;
  onSocket(ws: WebSocket): void;
}

export function handleHttp(d: Doors, req: IncomingMessage, res: ServerResponse): void {
  const url = requestUrl(req);
  if (!url) return sendText(res, 400, 'SOM Lab: the request target is not a valid URL path');
  if (url.pathname === SESSION_PATH) return sessionCheck(d, req, res);
  if (!authorised(req, d.token)) return sendText(res, 401, TOKEN_NEEDED);
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return sendText(res, 405, 'SOM Lab serves its pages with GET and HEAD only', { allow: 'GET, HEAD' });
  const cookie = d.token && url.searchParams.get('token') ? { 'set-cookie': tokenCookie(d.token) } : undefined;
  serveStatic(d.rendererDir, url.pathname, res, cookie, req.method === 'HEAD').catch(() => {
    if (res.headersSent) res.destroy();
    else sendText(res, 500, 'SOM Lab: this file could not be served');
  });
}

/** POST (so browsers send Origin) answers 204 when /ws would let this page in, else 401 or 403 and why. */
function sessionCheck(d: Doors, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'POST') return sendText(res, 405, `SOM Lab: ${SESSION_PATH} takes POST`, { allow: 'POST' });
  const a = admit(req, d.token, d.origins());
  if (a.ok) res.writeHead(204).end();
  else sendText(res, a.status, a.reason);
}

const STATUS_TEXT = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' } as const;

function refuse(socket: Duplex, status: keyof typeof STATUS_TEXT, reason: string): void {
  const body = Buffer.from(reason);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\ncontent-type: text/plain; charset=utf-8\r\n` +
      `content-length: ${body.length}\r\nconnection: close\r\n\r\n${reason}`,
  );
}

export function handleUpgrade(d: Doors, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  // Until ws takes the socket over (and after a refusal) a reset by the client must not reach the process.
  socket.on('error', () => socket.destroy());
  const url = requestUrl(req);
  if (url?.pathname !== '/ws') return refuse(socket, 404, 'SOM Lab: the WebSocket is at /ws');
  const a = admit(req, d.token, d.origins());
  if (!a.ok) return refuse(socket, a.status, a.reason);
  d.wss.handleUpgrade(req, socket, head, (ws) => d.onSocket(ws));
}
