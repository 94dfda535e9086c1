/**
 * What the lab server reads from a raw request, parsed so that nothing a client sends can throw: a
 * request target that is not a URL, a path that is not valid percent-encoding, a NUL byte.
 */
import type { IncomingMessage } from 'node:http';

/** The request's URL, or null when its target cannot be parsed (e.g. `GET http://[ HTTP/1.1`). */
export function requestUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://lab.invalid');
  } catch {
    return null;
  }
}

/** `decodeURIComponent` that answers null instead of throwing on bad percent-encoding. */
export function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** A URL path decoded for the filesystem, without its leading slashes; null when malformed or holding NUL. */
export function decodedPath(pathname: string): string | null {
  const decoded = safeDecode(pathname);
  if (decoded === null || decoded.includes('\0')) return null;
  return decoded.replace(/^[/\\]+/, '');
}
