/**
 * Jupyter-style access: a random token in the printed URL; the first request that carries it gets an
 * HttpOnly SameSite=Strict cookie, so the page's assets and its WebSocket are let in without the token
 * in every URL. A WebSocket must also come from the server's own Origin (no cross-site pages).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { clip } from '../shared/clip';
import { requestUrl, safeDecode } from './request';

export const COOKIE = 'somlab_token';

export const newToken = (): string => randomBytes(24).toString('hex');

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a),
    y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The one Cookie header parser (HTTP requests and the WebSocket upgrade). It cannot throw: a value that is
 * not valid percent-encoding is kept as sent (and so matches no token). The first of repeated names wins.
 */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (name && !cookies.has(name)) cookies.set(name, safeDecode(value) ?? value);
  }
  return cookies;
}

export function tokenFrom(req: IncomingMessage): string | null {
  const q = requestUrl(req)?.searchParams.get('token');
  if (q) return q;
  const cookie = parseCookies(req.headers.cookie).get(COOKIE);
  if (cookie) return cookie;
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

export const TOKEN_NEEDED = 'SOM Lab: this URL needs the access token printed when the server started (…/?token=…)';

export type Admission = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/** Whether a WebSocket (or the page's check before one) is let in; the refusal says why. */
export function admit(req: IncomingMessage, token: string | null, origins: string[]): Admission {
  if (!authorised(req, token)) return { ok: false, status: 401, reason: TOKEN_NEEDED };
  if (!originAllowed(req, origins))
    return {
      ok: false,
      status: 403,
      reason: `SOM Lab: pages from ${clip(req.headers.origin ?? '')} may not connect; open the URL the server printed`,
    };
  return { ok: true };
}

export const tokenCookie = (token: string): string =>
  `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
