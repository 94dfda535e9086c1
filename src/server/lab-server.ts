/**
 * The lab server: the built renderer over HTTP and the typed Api over one WebSocket per tab, bound to
 * 127.0.0.1 with a token unless told otherwise. Several tabs may watch the same run: events fan out to all.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { decodeWire, encodeWire, type WireRequest } from '../shared/wire';
import { LabHost } from '../host/lab-host';
import { authorised, newToken, originAllowed, tokenCookie, tokenFrom } from './auth';
import { serveStatic } from './static';

export interface LabServerOptions {
  host?: string;
  port?: number;
  /** Token to require; `null` disables it (only when asked for explicitly). Random by default. */
  token?: string | null;
  rendererDir: string;
  project?: string;
  dataRoots: string[];
}

export interface LabServer {
  url: string;
  token: string | null;
  host: LabHost;
  server: Server;
  close(): Promise<void>;
}

export const isLoopback = (h: string): boolean =>
  h === '127.0.0.1' || h === 'localhost' || h === '::1' || h.startsWith('127.');

export async function startLabServer(o: LabServerOptions): Promise<LabServer> {
  const hostName = o.host ?? '127.0.0.1';
  const token = o.token === undefined ? newToken() : o.token;
  const lab = new LabHost({ dataRoots: o.dataRoots });
  if (o.project)
    await Promise.resolve(lab.calls['project:open'](o.project)).catch(() =>
      lab.calls['project:create'](o.project!, 'SOM Lab project'),
    );
  let origins: string[] = [];

  const server = createServer((req, res) => {
    if (!authorised(req, token)) {
      res
        .writeHead(401, { 'content-type': 'text/plain; charset=utf-8' })
        .end('SOM Lab: this URL needs the token printed when the server started (…/?token=…)');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://x');
    const cookie = token && url.searchParams.get('token') ? { 'set-cookie': tokenCookie(token) } : undefined;
    serveStatic(o.rendererDir, url.pathname, res, cookie).catch((e) => res.writeHead(500).end(String(e)));
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== '/ws' || !authorised(req, token) || !originAllowed(req, origins)) {
      const why =
        path !== '/ws'
          ? '404 Not Found'
          : tokenFrom(req) === null || !authorised(req, token)
            ? '401 Unauthorized'
            : '403 Forbidden';
      socket.end(`HTTP/1.1 ${why}\r\nconnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, lab));
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, hostName, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const shown = hostName.includes(':') ? `[${hostName}]` : hostName;
  origins = [
    `http://${shown}:${port}`,
    ...(isLoopback(hostName) ? [`http://localhost:${port}`, `http://127.0.0.1:${port}`] : []),
  ];
  const url = `http://${shown}:${port}/${token ? `?token=${token}` : ''}`;
  return {
    url,
    token,
    host: lab,
    server,
    async close() {
      await lab.close();
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function serveSocket(ws: WebSocket, lab: LabHost): void {
  const dispose = lab.onRunEvent((event) => {
    if (ws.readyState === ws.OPEN) ws.send(encodeWire({ event }));
  });
  ws.on('close', dispose);
  ws.on('message', async (raw) => {
    let req: WireRequest;
    try {
      req = decodeWire<WireRequest>(raw.toString());
      if (typeof req.id !== 'number') throw new Error('expected {id: number, call, args}');
    } catch (e) {
      ws.send(encodeWire({ id: -1, ok: false, error: `bad message: ${(e as Error).message}` }));
      return;
    }
    try {
      const result = await lab.call(req.call, req.args);
      ws.send(encodeWire({ id: req.id, ok: true, result: result ?? null }));
    } catch (e) {
      ws.send(encodeWire({ id: req.id, ok: false, error: (e as Error).message }));
    }
  });
}
