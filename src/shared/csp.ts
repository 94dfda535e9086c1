/**
 * The renderer's Content-Security-Policy, one string for both hosts: the lab server sends it with every
 * static file, Electron's somlab:// protocol with every response. `connect-src 'self'` covers the lab
 * server's own WebSocket (CSP 3 matches ws:/wss: of the page's host under 'self') and nothing else.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
