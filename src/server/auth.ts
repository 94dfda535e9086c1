/**
 * Jupyter-style access: a random token in the printed URL; the first request that carries it gets an
 * HttpOnly SameSite=Strict cookie, so the page's assets and its WebSocket are let in without the token
 * in every URL. A WebSocket must also come from the server's own Origin (no cross-site pages).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const COOKIE = 'somlab_token';

export const newToken = (): string => randomBytes(24).toString('hex');

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a),
    y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function tokenFrom(req: IncomingMessage): string | null {
  const url = new URL(req.url ?? '/', 'http://x');
  const q = url.searchParams.get('token');
  if (q) return q;
  const cookie = req.headers.cookie ?? '';
  for (const part of cookie.split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === COOKIE && v) return decodeURIComponent(v);
  }
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  return null;
}

export function authorised(req: IncomingMessage, token: string | null): boolean {
  if (token === null) return true; // --no-token, asked for explicitly
  const got = tokenFrom(req);
  return got !== null && sameToken(got, token);
}

/** Origin must be absent (non-browser clients) or exactly one of the server's own origins. */
export function originAllowed(req: IncomingMessage, allowed: string[]): boolean {
  const origin = req.headers.origin;
  return origin === undefined || allowed.includes(origin);
}

export const tokenCookie = (token: string): string =>
  `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
