/**
 * The one Api the renderer talks to: Electron's preload (`window.somlab`) or the lab server's WebSocket.
 * Stores call `getApi()` on every action, so tests can `setApi(fake)` first.
 */
import type { Api } from '../../../shared/api';
import { sessionChecker } from './session';
import { socketUrl, takeToken } from './token';
import { createWsClient, type WsClient } from './ws-client';

declare global {
  interface Window {
    somlab?: Api;
  }
}

let current: Api | null = null;
let socket: WsClient | null = null;

export function getApi(): Api {
  if (current) return current;
  if (window.somlab) return (current = window.somlab);
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
