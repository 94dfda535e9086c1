/**
 * The one Api the renderer talks to: Electron's preload (`window.somlab`), the demo fake (`?demo=1`), or
 * the lab server's WebSocket. Stores call `getApi()` on every action, so tests can `setApi(fake)` first.
 */
import type { Api } from '../../../shared/api';
import { PRESETS } from '../../../shared/presets';
import { createFakeApi, type FakeApi } from './fake-api';
import { sessionChecker } from './session';
import { socketUrl, takeToken } from './token';
import { createWsClient, type WsClient } from './ws-client';

declare global {
  interface Window {
    somlab?: Api;
    __somlabDemo?: FakeApi;
  }
}

let current: Api | null = null;
let socket: WsClient | null = null;

export const isDemo = (href = window.location.href): boolean => new URL(href).searchParams.get('demo') === '1';

/** A demo project with a few finished runs already on its fake disk, and live scripted runs on start. */
export function createDemoApi(): FakeApi {
  const fake = createFakeApi({
    autoplay: true,
    project: {
      format: 'somlab-project',
      version: 1,
      name: 'demo',
      created: new Date().toISOString(),
      dir: '/demo/project',
    },
  });
  const spec = (name: string): unknown => ({ ...PRESETS.find((p) => p.name === name)!.spec, preset: name });
  const day = (h: number): Date => new Date(Date.now() - h * 3_600_000);
  fake.seedRun(spec('seed000-ring-rotating-digit'), day(30));
  fake.seedRun(
    {
      ...(spec('seed004-colors') as object),
      som: { rows: 12, cols: 12, topology: 'hex', sigma: { start: 5, end: 0.6 }, init: 'random' },
      epochs: 20,
    },
    day(26),
  );
  fake.seedRun(
    {
      ...(spec('seed004-colors') as object),
      som: { rows: 12, cols: 12, topology: 'torus', sigma: { start: 5, end: 0.6 }, init: 'random' },
      epochs: 20,
    },
    day(25),
  );
  fake.seedRun(spec('baseline-mlp-mnist'), day(4));
  return fake;
}

export function getApi(): Api {
  if (current) return current;
  if (window.somlab) return (current = window.somlab);
  if (isDemo()) {
    const fake = createDemoApi();
    window.__somlabDemo = fake; // lets e2e scripts inject events into the demo
    return (current = fake);
  }
  const token = takeToken({
    href: window.location.href,
    storage: window.sessionStorage,
    replaceUrl: (u) => window.history.replaceState(window.history.state, '', u),
  });
  socket = createWsClient({
    url: socketUrl(window.location.href, token),
    checkSession: sessionChecker(window.location.href, token),
  });
  return (current = socket);
}

/** The WebSocket client when that is what getApi() chose (for the connection banner), else null. */
export function getSocket(): WsClient | null {
  getApi();
  return socket;
}

/** Tests (and hosts that build their own) install an Api, and the WebSocket client when it is one. */
export function setApi(api: Api | null, ws: WsClient | null = null): void {
  current = api;
  socket = ws;
}
