/**
 * The lab server: the built renderer over HTTP and the typed Api over one WebSocket per tab, bound to
 * 127.0.0.1 with a token unless told otherwise. Several tabs may watch the same run: events fan out to all,
 * each tab with its own backpressure (outbox.ts). Projects open only under the project roots.
 */
import { lstat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { WebSocketServer } from 'ws';
import { PROJECT_FILE } from '../engine/runs';
import { LabHost } from '../host/lab-host';
import { newToken } from './auth';
import { createFanout } from './fanout';
import { handleHttp, handleUpgrade, type Doors } from './http';
import { serveSocket } from './socket-api';
import type { WatchOptions } from '../host/project-watch';

export interface LabServerOptions {
  host?: string;
  port?: number;
  /** Token to require; `null` disables it (only when asked for explicitly). Random by default. */
  token?: string | null;
  rendererDir: string;
  /** Opened at start, or created there when the folder holds no project yet. */
  project?: string;
  dataRoots: string[];
  /** Folders projects may be opened or created in (`--projects`); default: the folder holding `project`. */
  projectRoots?: string[];
  /** A host built by the caller (tests); by default one is made from the roots above. */
  lab?: LabHost;
  /** How the host watches its project for runs other processes write (LabHostOptions.watch). */
  watch?: WatchOptions | false;
  /** `--memory-budget` and `--max-trainers` (LabHostOptions). */
  memoryBudget?: number;
  maxTrainers?: number;
}

export interface LabServer {
  url: string;
  token: string | null;
  host: LabHost;
  server: Server;
  /** Tabs connected now (each has its own outbox). */
  tabs(): number;
  close(): Promise<void>;
}

/** The largest message a tab may send (specs and calls are a few KB; a bigger frame is refused, 1009). */
export const MAX_MESSAGE_BYTES = 1 << 20;

export const isLoopback = (h: string): boolean =>
  h === '127.0.0.1' || h === 'localhost' || h === '::1' || h.startsWith('127.');

export const defaultProjectRoots = (project: string | undefined): string[] =>
  project ? [dirname(resolve(project))] : [];

/** Opens `dir`, or creates a project there when it holds no somlab.json; a damaged project keeps its error. */
async function openOrCreate(lab: LabHost, dir: string): Promise<void> {
  try {
    await lab.calls['project:open'](dir);
  } catch (e) {
    const hasProjectFile = await lstat(join(resolve(dir), PROJECT_FILE)).then(
      () => true,
      () => false,
    );
    if (hasProjectFile) throw e;
    await lab.calls['project:create'](dir, 'SOM Lab project');
  }
}

export async function startLabServer(o: LabServerOptions): Promise<LabServer> {
  const hostName = o.host ?? '127.0.0.1';
  const token = o.token === undefined ? newToken() : o.token;
  const projectRoots = o.projectRoots ?? defaultProjectRoots(o.project);
  // The start screen's built-in experiment runs in --project when no project is open.
  const { memoryBudget, maxTrainers, watch } = o;
  const lab =
    o.lab ??
    new LabHost({ dataRoots: o.dataRoots, projectRoots, defaultProject: o.project, watch, memoryBudget, maxTrainers });
  if (o.project) await openOrCreate(lab, o.project);

  let origins: string[] = [];
  const fanout = createFanout(lab);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const doors: Doors = {
    token,
    rendererDir: o.rendererDir,
    origins: () => origins,
    wss,
    onSocket: (ws) => serveSocket(ws, lab, fanout),
  };
  const server = createServer((req, res) => handleHttp(doors, req, res));
  server.on('upgrade', (req, socket, head: Buffer) => handleUpgrade(doors, req, socket, head));

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
    tabs: () => fanout.size,
    async close() {
      await lab.close();
      fanout.close();
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
