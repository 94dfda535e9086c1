import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../shared/csp';
import { APP_INDEX, APP_SCHEME, rendererResponse, serveRenderer } from './protocol';
import { FakeProtocol } from './electron-standins.test-helper';

let root: string;
let renderer: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'somlab-protocol-'));
  renderer = join(root, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>SOM Lab</title>');
  await writeFile(join(renderer, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.txt'), 'outside the renderer');
  await mkdir(join(root, 'renderer-evil'));
  await writeFile(join(root, 'renderer-evil', 'x.js'), 'sibling with the same prefix');
  await symlink(join(root, 'secret.txt'), join(renderer, 'assets', 'link.txt'));
  await symlink(root, join(renderer, 'up'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const get = (url: string): Promise<Response> => rendererResponse(url, renderer);

describe('somlab:// protocol', () => {
  it('serves the renderer with its type and the CSP', async () => {
    const page = await get(APP_INDEX);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>SOM Lab</title>');
    const js = await get('somlab://app/assets/index-abc.js');
    expect([js.status, js.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect((await get('somlab://app/')).status).toBe(200); // the folder's index
  });

  it("has a CSP whose connect-src is the page's own origin only", () => {
    const connect = RENDERER_CSP.split(';').find((d) => d.trim().startsWith('connect-src'));
    expect(connect?.trim()).toBe("connect-src 'self'");
    expect(RENDERER_CSP).not.toMatch(/\bwss?:/);
  });

  it.each([
    ['dot-dot, encoded', 'somlab://app/%2e%2e/secret.txt'],
    ['encoded slashes', 'somlab://app/..%2fsecret.txt'],
    ['deep encoded', 'somlab://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt'],
    ['backslashes', 'somlab://app/..%5csecret.txt'],
    ['a sibling folder sharing the prefix', 'somlab://app/%2e%2e/renderer-evil/x.js'],
    ['a symlinked file leading outside', 'somlab://app/assets/link.txt'],
    ['a symlinked folder leading outside', 'somlab://app/up/secret.txt'],
  ])('refuses a path outside the renderer folder: %s', async (_what, url) => {
    const r = await get(url);
    expect(r.status, url).toBeGreaterThanOrEqual(400);
    expect(await r.text()).not.toContain('outside the renderer');
  });

  it('refuses other hosts, other schemes, NUL bytes, malformed escapes and missing files', async () => {
    expect((await get('somlab://other/index.html')).status).toBe(404);
    expect((await get(`file://${renderer}/index.html`)).status).toBe(404);
    expect((await get('somlab://app/index.html%00.js')).status).toBe(400);
    expect((await get('somlab://app/%E0%A4%A')).status).toBe(400);
    expect((await get('somlab://app/nothing.js')).status).toBe(404);
    expect((await get('somlab://app/assets')).status).toBe(404); // a folder is not a file
  });

  it('registers its handler for the somlab scheme', async () => {
    const protocol = new FakeProtocol();
    serveRenderer(protocol, renderer);
    expect([...protocol.handlers.keys()]).toEqual([APP_SCHEME]);
    expect((await protocol.fetch(APP_INDEX)).status).toBe(200);
  });
});
