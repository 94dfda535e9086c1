/**
 * Asks the lab server, after the WebSocket closed, whether this page would still be let in: a browser
 * does not show a WebSocket's HTTP status, so a server that restarted with a new token (401) or that
 * refuses this page's origin (403) would look the same as one that is down. POST, so Origin is sent.
 */
import { SESSION_PATH } from '../../../shared/wire';

/** ok: let in (the close had another cause); token / origin: refused, retrying cannot help; down: no answer. */
export type SessionCheck = 'ok' | 'token' | 'origin' | 'down';

export function sessionChecker(
  href: string,
  token: string | null,
  fetchFn: typeof fetch = (...a) => fetch(...a),
): () => Promise<SessionCheck> {
  const url = new URL(SESSION_PATH, href);
  if (token) url.searchParams.set('token', token);
  return async () => {
    try {
      const r = await fetchFn(url.href, { method: 'POST', credentials: 'same-origin', cache: 'no-store' });
      if (r.status === 204) return 'ok';
      if (r.status === 401) return 'token';
      if (r.status === 403) return 'origin';
      return 'down';
    } catch {
      return 'down'; // nothing listens (connection refused) or the network is gone
    }
  };
}

/** What to tell the user when the server refuses this page; retrying cannot help, a new URL can. */
export function refusalMessage(refusal: 'token' | 'origin', everOpened: boolean): string {
  if (refusal === 'origin')
    return "The lab server does not accept this page's address: open the exact URL it printed (…/?token=…).";
  return everOpened
    ? 'The lab server restarted with a new access token: open the new URL it printed (…/?token=…).'
    : 'This page has no valid access token for the lab server: open the URL that `npm run lab` printed (…/?token=…).';
}
